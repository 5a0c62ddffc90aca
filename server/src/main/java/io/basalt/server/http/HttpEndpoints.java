package io.basalt.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port: /health and /health/live (the process is up), /health/ready (the node can serve
 * reads and writes), /metrics (Prometheus text format) and /api (node facts as JSON).
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);

    private final HttpServer server;

    /**
     * @param ready whether the node can serve
     * @param metrics Prometheus exposition text
     * @param api JSON document for /api
     */
    public HttpEndpoints(String host, int port, BooleanSupplier ready, Supplier<String> metrics, Supplier<String> api)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "basalt-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health/live", ex -> send(ex, 200, "text/plain", "OK\n"));
        server.createContext("/health/ready", ex -> {
            boolean ok = ready.getAsBoolean();
            send(ex, ok ? 200 : 503, "text/plain", ok ? "READY\n" : "NOT READY\n");
        });
        server.createContext("/health", ex -> send(ex, 200, "text/plain", "OK\n"));
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4", metrics.get()));
        server.createContext("/api", ex -> send(ex, 200, "application/json", api.get()));
        server.createContext("/", ex -> send(ex, 404, "text/plain", "Not found. Try /health, /metrics or /api\n"));
    }

    /**
     * Adds a POST-only route answered by {@code handler} with the query parameters; an
     * {@link IllegalArgumentException} from it is a 400. Call before {@link #start()}.
     */
    public void post(String path, java.util.function.Function<java.util.Map<String, String>, String> handler) {
        server.createContext(path, ex -> {
            if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
                send(ex, 405, "text/plain", "Use POST\n");
                return;
            }
            java.util.Map<String, String> params = new java.util.HashMap<>();
            String q = ex.getRequestURI().getRawQuery();
            if (q != null) {
                for (String part : q.split("&")) {
                    int eq = part.indexOf('=');
                    String k = eq < 0 ? part : part.substring(0, eq);
                    String v = eq < 0 ? "" : part.substring(eq + 1);
                    params.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
                }
            }
            try {
                send(ex, 200, "text/plain", handler.apply(params));
            } catch (IllegalArgumentException | IllegalStateException e) {
                send(ex, 400, "text/plain", e.getMessage() + "\n");
            }
        });
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            if (ex.getRequestMethod().equalsIgnoreCase("HEAD")) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            LOG.debug("HTTP client went away: {}", e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
