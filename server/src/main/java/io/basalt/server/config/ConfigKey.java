package io.basalt.server.config;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * One configuration key, declared once: its name in basalt.conf, its command-line option, type,
 * default, whether ADMIN SET FRONTEND CONFIG may change it at run time, and what it does.
 *
 * @param <T> value type
 */
public record ConfigKey<T>(String name, String option, Class<T> type, T defaultValue, boolean mutable,
        String description, Function<String, T> parser) {
    public ConfigKey {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
        requireNonNull(parser, "parser");
    }

    static ConfigKey<Integer> intKey(String name, String option, int def, boolean mutable, String description) {
        return new ConfigKey<>(name, option, Integer.class, def, mutable, description, s -> Integer.parseInt(s.strip()));
    }

    static ConfigKey<Long> longKey(String name, String option, long def, boolean mutable, String description) {
        return new ConfigKey<>(name, option, Long.class, def, mutable, description, s -> Long.parseLong(s.strip()));
    }

    static ConfigKey<String> stringKey(String name, String option, String def, boolean mutable, String description) {
        return new ConfigKey<>(name, option, String.class, def, mutable, description, String::strip);
    }

    static ConfigKey<Boolean> boolKey(String name, String option, boolean def, boolean mutable, String description) {
        return new ConfigKey<>(name, option, Boolean.class, def, mutable, description, s -> {
            String v = s.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "true", "on", "1", "yes" -> true;
                case "false", "off", "0", "no" -> false;
                default -> throw new IllegalArgumentException("not a boolean: " + s);
            };
        });
    }

    /** The type name shown by ADMIN SHOW FRONTEND CONFIG. */
    public String typeName() {
        return switch (type.getSimpleName()) {
            case "Integer" -> "int";
            case "Long" -> "long";
            case "Boolean" -> "boolean";
            default -> "String";
        };
    }
}
