package io.basalt.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of segment files in a checkpoint directory, written last so that a directory without
 * it is an incomplete checkpoint. Text: a header line, then {@code segment <table> <file> <bytes>}.
 */
final class CheckpointManifest {

  static final String FILE_NAME = "MANIFEST.basalt";
  private static final String HEADER = "basalt-storage-checkpoint 1";

  /** One segment file of the checkpoint, at {@code segments/<tableId>/<fileName>}. */
  record Entry(long tableId, String fileName, long bytes) {
    Path path(Path segmentsRoot) {
      return segmentsRoot.resolve(Long.toString(tableId)).resolve(fileName);
    }
  }

  private CheckpointManifest() {
  }

  static void write(Path dir, List<Entry> entries) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Entry e : entries) {
      lines.add("segment " + e.tableId() + " " + e.fileName() + " " + e.bytes());
    }
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(FILE_NAME));
  }

  static List<Entry> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new StorageException("no complete checkpoint in " + dir + " (missing " + FILE_NAME + ")");
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw new StorageException("unknown checkpoint manifest format in " + file);
      }
      List<Entry> entries = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] parts = line.split(" ");
        if (parts.length != 4 || !parts[0].equals("segment")) {
          throw new StorageException("bad checkpoint manifest line: " + line);
        }
        entries.add(new Entry(Long.parseLong(parts[1]), parts[2], Long.parseLong(parts[3])));
      }
      return entries;
    } catch (IOException e) {
      throw new StorageException("cannot read " + file, e);
    }
  }
}
