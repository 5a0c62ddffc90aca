package io.basalt.tests.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's HTTP port as the tests use it: {@code /api} (its Raft role and position), {@code /health/ready},
 * a Prometheus metric from {@code /metrics}, and the fault-injection endpoints of a node started with
 * {@code --debug-fault-injection true}. Every call is bounded by a short timeout; a node that does not
 * answer makes the call throw.
 */
public final class NodeHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public NodeHttp(int port) {
        this.port = port;
    }

    /** {@code GET /api}. */
    public NodeStatus status() throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api")).GET());
        if (r.statusCode() != 200) {
            throw new IOException("GET /api on port " + port + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readValue(r.body(), NodeStatus.class);
    }

    /** Whether {@code GET /health/ready} answers 200 (it answers 503 while the node cannot serve). */
    public boolean ready() throws IOException {
        int code = send(HttpRequest.newBuilder(uri("/health/ready")).GET()).statusCode();
        if (code != 200 && code != 503) {
            throw new IOException("GET /health/ready on port " + port + " answered " + code);
        }
        return code == 200;
    }

    /** An unlabelled gauge or counter from {@code /metrics}; empty if the node does not export it. */
    public OptionalLong metric(String name) throws IOException {
        String body = send(HttpRequest.newBuilder(uri("/metrics")).GET()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (-?\\d+)$").matcher(body);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Cuts this node's Raft traffic with {@code peerRaftAddress} (one side of a partition). */
    public void isolateFrom(String peerRaftAddress) {
        post("/debug/faults/isolate?peer=" + URLEncoder.encode(peerRaftAddress, StandardCharsets.UTF_8));
    }

    /** Restores this node's Raft traffic with every peer. */
    public void heal() {
        post("/debug/faults/heal");
    }

    private void post(String pathAndQuery) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(pathAndQuery))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST " + pathAndQuery + " on port " + port + " answered "
                        + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + pathAndQuery + " on port " + port, e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
