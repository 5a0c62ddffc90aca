package io.basalt.server.config;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The node's configuration: defaults, then basalt.conf, then command-line options. Mutable keys
 * can be changed at run time; listeners apply the change.
 */
public final class NodeConfig {
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, Object>> listeners = new ConcurrentHashMap<>();

    public NodeConfig() {
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            values.put(k.name(), k.defaultValue());
        }
    }

    public <T> T get(ConfigKey<T> key) {
        return key.type().cast(values.get(key.name()));
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** Sets a key from text (conf file or command line); unknown keys and bad values fail. */
    public void set(String name, String text) {
        ConfigKey<?> key = key(name);
        if (key == null) {
            throw new IllegalArgumentException("unknown configuration key '" + name + "'");
        }
        try {
            values.put(key.name(), key.parser().apply(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad value '" + text + "' for " + name + " (" + key.typeName() + ")");
        }
    }

    /** ADMIN SET FRONTEND CONFIG: only mutable keys, effective immediately. */
    public void setAtRuntime(String name, String text) {
        ConfigKey<?> key = key(name);
        if (key == null) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Config '%s' does not exist", name);
        }
        if (!key.mutable()) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS,
                    "Config '%s' is not mutable; set it in basalt.conf and restart the node", key.name());
        }
        Object value;
        try {
            value = key.parser().apply(text);
        } catch (RuntimeException e) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Invalid value '%s' for config '%s' of type %s", text,
                    key.name(), key.typeName());
        }
        BiConsumer<String, Object> l = listeners.get(key.name());
        if (l != null) {
            l.accept(key.name(), value);
        }
        values.put(key.name(), value);
    }

    /** Registers what happens when a mutable key changes at run time. */
    public void onChange(ConfigKey<?> key, BiConsumer<String, Object> listener) {
        listeners.put(key.name(), listener);
    }

    public static ConfigKey<?> key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        return null;
    }

    public static ConfigKey<?> keyForOption(String option) {
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            if (option.equals(k.option())) {
                return k;
            }
        }
        return null;
    }

    /** Reads a basalt.conf: "key = value" lines, '#' comments. */
    public void load(Path file) throws IOException {
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'key = value'");
            }
            try {
                set(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage());
            }
        }
    }

    /** Every key with its current value, for ADMIN SHOW FRONTEND CONFIG. */
    public List<Map.Entry<ConfigKey<?>, Object>> entries() {
        List<Map.Entry<ConfigKey<?>, Object>> out = new ArrayList<>();
        Map<ConfigKey<?>, Object> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            m.put(k, values.get(k.name()));
        }
        out.addAll(m.entrySet());
        return out;
    }
}
