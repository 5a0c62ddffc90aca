package io.basalt.server;

import io.basalt.server.config.ConfigKey;
import io.basalt.server.config.ConfigKeys;
import io.basalt.server.config.NodeConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/basalt}: starts one node in the foreground. Configuration comes from defaults, then
 * {@code conf/basalt.conf} (or {@code --conf FILE}), then command-line options; every option is
 * also a conf key. SIGTERM stops the node cleanly.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
        Path home = Path.of(System.getProperty("basalt.home", ".")).toAbsolutePath().normalize();
        NodeConfig config = new NodeConfig();
        try {
            if (!parse(args, config, home)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("basalt: " + e.getMessage());
            System.err.println("Try 'basalt --help'.");
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        Path dataDir = home.resolve(config.get(ConfigKeys.DATA_DIR)).normalize();
        diagnosticsInto(dataDir.resolve("diagnostics"));
        BasaltNode node = new BasaltNode(config, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Duration shutdownLimit = Duration.ofSeconds(config.get(ConfigKeys.SHUTDOWN_TIMEOUT_SECONDS));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // halt, not exit: exit would wait for this very hook
            ShutdownWatchdog.guard(node::close, shutdownLimit, () -> Runtime.getRuntime().halt(1));
            stopped.countDown();
        }, "basalt-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            log.error("Basalt failed to start: {}", e.toString(), e);
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SOFAJRaft answers SIGUSR2 by writing its nodes' state, metrics and thread pools to files, by
     * default in the working directory; they go to {@code dir} instead.
     */
    private static void diagnosticsInto(Path dir) {
        String path = dir.toAbsolutePath().toString();
        for (String key : new String[] {"jraft.signal.node.metrics.dir", "jraft.signal.node.describe.dir",
                "jraft.signal.thread.pool.metrics.dir"}) {
            if (System.getProperty(key) == null) {
                System.setProperty(key, path);
            }
        }
    }

    /** Applies the conf file and options; false when only --help was asked for. */
    static boolean parse(String[] args, NodeConfig config, Path home) {
        Path conf = home.resolve("conf/basalt.conf");
        boolean explicitConf = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                usage(System.out);
                return false;
            }
            if (args[i].equals("--conf") || args[i].startsWith("--conf=")) {
                String v = args[i].startsWith("--conf=") ? args[i].substring(7) : value(args, ++i, "--conf");
                conf = Path.of(v);
                explicitConf = true;
            }
        }
        if (Files.exists(conf)) {
            try {
                config.load(conf);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + conf + ": " + e.getMessage());
            }
        } else if (explicitConf) {
            throw new IllegalArgumentException("configuration file " + conf + " does not exist");
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--conf")) {
                i++;
                continue;
            }
            if (a.startsWith("--conf=")) {
                continue;
            }
            String option = a;
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                option = a.substring(0, eq);
                v = a.substring(eq + 1);
            }
            ConfigKey<?> key = NodeConfig.keyForOption(option);
            if (key == null) {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            if (v == null) {
                v = value(args, ++i, option);
            }
            config.set(key.name(), v);
        }
        return true;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    static void usage(PrintStream out) {
        out.println("Usage: basalt [OPTIONS]");
        out.println();
        out.println("Starts a Basalt node in the foreground. Settings come from conf/basalt.conf, then from these");
        out.println("options; each option sets the conf key shown after it. SIGTERM (Ctrl-C) stops the node.");
        out.println();
        out.printf("  %-34s %s%n", "--conf FILE", "configuration file (default: conf/basalt.conf under the Basalt home)");
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            out.printf("  %-34s %s [%s, default: %s]%n", k.option() + " VALUE", k.description(), k.name(), k.defaultValue());
        }
        out.printf("  %-34s %s%n", "--help", "print this help and exit");
    }
}
