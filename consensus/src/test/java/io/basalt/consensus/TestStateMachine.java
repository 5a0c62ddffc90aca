package io.basalt.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A list of strings. "fail:msg" commands throw. Snapshots hold the list plus a nested binary blob
 * (larger than one jraft RPC chunk) so that installing a snapshot exercises nested paths and chunked
 * copies; both sides record file checksums.
 */
final class TestStateMachine implements ReplicatedStateMachine {

    static final int BLOB_BYTES = 300 * 1024;

    private final List<String> state = new ArrayList<>();
    private final List<Long> appliedIndexes = new ArrayList<>();
    private int appliedSinceLoad;
    private int orderViolations;
    private int snapshotsLoaded;
    private long leaderTerm;
    private Map<String, Long> savedChecksums = Map.of();
    private Map<String, Long> loadedChecksums = Map.of();

    @Override
    public synchronized Object apply(long index, ByteBuffer command) {
        if (!appliedIndexes.isEmpty() && index <= appliedIndexes.get(appliedIndexes.size() - 1)) {
            orderViolations++;
        }
        appliedIndexes.add(index);
        appliedSinceLoad++;
        String text = StandardCharsets.UTF_8.decode(command).toString();
        if (text.startsWith("fail:")) {
            throw new IllegalArgumentException(text.substring(5));
        }
        state.add(text);
        return state.size();
    }

    @Override
    public void saveSnapshot(Path dir) throws IOException {
        List<String> copy;
        synchronized (this) {
            copy = List.copyOf(state);
        }
        Files.write(dir.resolve("state.txt"), copy, StandardCharsets.UTF_8);
        Path blob = dir.resolve("segments/part-0/blob.bin");
        Files.createDirectories(blob.getParent());
        byte[] bytes = new byte[BLOB_BYTES];
        new Random(copy.size()).nextBytes(bytes);
        Files.write(blob, bytes);
        Map<String, Long> sums = checksums(dir);
        synchronized (this) {
            savedChecksums = sums;
        }
    }

    @Override
    public void loadSnapshot(Path dir) throws IOException {
        List<String> loaded = Files.readAllLines(dir.resolve("state.txt"), StandardCharsets.UTF_8);
        Map<String, Long> sums = checksums(dir);
        synchronized (this) {
            state.clear();
            state.addAll(loaded);
            appliedSinceLoad = 0;
            appliedIndexes.clear();
            snapshotsLoaded++;
            loadedChecksums = sums;
        }
    }

    @Override
    public synchronized void onLeaderStart(long term) {
        leaderTerm = term;
    }

    synchronized List<String> state() {
        return List.copyOf(state);
    }

    /** Applies whose index was not above the previous one (never expected). */
    synchronized int orderViolations() {
        return orderViolations;
    }

    synchronized List<Long> appliedIndexes() {
        return List.copyOf(appliedIndexes);
    }

    synchronized int appliedSinceLoad() {
        return appliedSinceLoad;
    }

    synchronized int snapshotsLoaded() {
        return snapshotsLoaded;
    }

    synchronized long leaderTerm() {
        return leaderTerm;
    }

    synchronized Map<String, Long> savedChecksums() {
        return savedChecksums;
    }

    synchronized Map<String, Long> loadedChecksums() {
        return loadedChecksums;
    }

    static Map<String, Long> checksums(Path dir) throws IOException {
        Map<String, Long> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                CRC32 crc = new CRC32();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        crc.update(buf, 0, n);
                    }
                }
                sums.put(dir.relativize(file).toString(), crc.getValue());
            }
        }
        return sums;
    }
}
