package io.basalt.tests.harness;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stand-in server for testing the process harness without Basalt: listens on 127.0.0.1:port and prints
 * what happens to it. Modes: {@code serve}, {@code exit <code>} (dies before listening), {@code never-ready}
 * (never listens), {@code ignore-term} (a shutdown hook that never finishes, so SIGTERM cannot end it).
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args[1];
        System.out.println("fake server pid " + ProcessHandle.current().pid() + " mode " + mode);
        switch (mode) {
            case "exit" -> {
                System.out.println("fake server giving up");
                System.exit(Integer.parseInt(args[2]));
            }
            case "never-ready" -> Thread.sleep(Long.MAX_VALUE);
            case "ignore-term" -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("fake server refusing to stop");
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            default -> Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake server shutdown hook ran")));
        }
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("fake server listening on " + port);
            while (true) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write('!');
                }
            }
        }
    }
}
