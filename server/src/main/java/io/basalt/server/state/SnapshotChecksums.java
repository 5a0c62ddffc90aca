package io.basalt.server.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A list of every file of a snapshot with its size and CRC-32C, written last when the snapshot is
 * taken and checked in full before a snapshot is loaded, so that a file damaged or cut short on
 * its way to another replica is caught before it replaces that replica's state.
 */
final class SnapshotChecksums {
    static final String FILE_NAME = "CHECKSUMS.basalt";
    private static final String HEADER = "basalt-snapshot-checksums 1";

    private SnapshotChecksums() {}

    static void write(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Path f : files(dir)) {
            lines.add(Long.toHexString(crc(f)) + " " + Files.size(f) + " " + dir.relativize(f).toString().replace('\\', '/'));
        }
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE_NAME));
    }

    /** Throws if a listed file is missing or differs; snapshots taken before checksums existed pass. */
    static void verify(Path dir) throws IOException {
        Path list = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(list)) {
            return;
        }
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException("unknown snapshot checksum list in " + list);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ", 3);
            if (parts.length != 3) {
                throw new IOException("bad line in " + list + ": " + line);
            }
            Path f = dir.resolve(parts[2]);
            if (!Files.isRegularFile(f) || Files.size(f) != Long.parseLong(parts[1])) {
                throw new IOException("snapshot file " + parts[2] + " is missing or has the wrong size");
            }
            if (crc(f) != Long.parseLong(parts[0], 16)) {
                throw new IOException("snapshot file " + parts[2] + " fails its checksum");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(FILE_NAME))
                    .sorted().toList();
        }
    }

    private static long crc(Path f) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }
}
