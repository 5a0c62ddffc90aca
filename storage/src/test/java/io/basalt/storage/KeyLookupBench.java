package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Point lookups by key on a million rows, keyed (through the key index) against the same scan
 * without a key column, which reads every row and filters. Not a test: a main method printing
 * lookups per second, once for a single segment and once for the write buffer. Ids are shuffled,
 * so statistics prune nothing. Run after {@code mvn -o -q -pl storage test-compile}:
 *
 * <pre>
 * mvn -o -q -pl storage dependency:build-classpath -Dmdep.outputFile=/tmp/storage-cp.txt -Dmdep.includeScope=test
 * java --add-opens=java.base/java.nio=ALL-UNNAMED \
 *     -cp storage/target/test-classes:storage/target/classes:$(cat /tmp/storage-cp.txt) io.basalt.storage.KeyLookupBench
 * </pre>
 */
public final class KeyLookupBench {

  private static final int ROWS = 1_000_000;
  private static final long KEYED_NANOS = 3_000_000_000L;
  private static final int FULL_SCANS = 15;

  private KeyLookupBench() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("basalt-keybench");
    try (BufferAllocator root = new RootAllocator()) {
      StorageOptions options = StorageOptions.defaults().toBuilder().backgroundMaintenance(false).build();
      try (StorageEngine engine = StorageEngine.open(dir.resolve("data"), root, options)) {
        TableStore segment = load(engine, 1, root);
        segment.flush();
        run("1 segment", engine, segment);
        TableStore buffer = load(engine, 2, root);
        run("write buffer", engine, buffer);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** A table of (id BIGINT, name VARCHAR, qty BIGINT) holding ids 0..ROWS-1 in random order. */
  private static TableStore load(StorageEngine engine, long tableId, BufferAllocator root) {
    TableLayout layout = new TableLayout(tableId, List.of(
        new ColumnSpec(1, "id", new ArrowType.Int(64, true), false),
        new ColumnSpec(2, "name", ArrowType.Utf8.INSTANCE, true),
        new ColumnSpec(3, "qty", new ArrowType.Int(64, true), true)));
    TableStore t = engine.createTable(layout);
    long[] ids = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ids[i] = i;
    }
    Random rnd = new Random(42);
    for (int i = ROWS - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      long x = ids[i];
      ids[i] = ids[j];
      ids[j] = x;
    }
    try (VectorSchemaRoot b = VectorSchemaRoot.create(layout.schema(), root)) {
      BigIntVector id = (BigIntVector) b.getVector(0);
      VarCharVector name = (VarCharVector) b.getVector(1);
      BigIntVector qty = (BigIntVector) b.getVector(2);
      id.allocateNew(ROWS);
      name.allocateNew(12L * ROWS, ROWS);
      qty.allocateNew(ROWS);
      for (int i = 0; i < ROWS; i++) {
        id.set(i, ids[i]);
        name.setSafe(i, ("name-" + ids[i]).getBytes(StandardCharsets.UTF_8));
        qty.set(i, ids[i] % 1000);
      }
      b.setRowCount(ROWS);
      t.append(b);
    }
    return t;
  }

  private static void run(String what, StorageEngine engine, TableStore t) {
    Random rnd = new Random(7);
    long start = System.nanoTime();
    lookup(t, rnd.nextInt(ROWS), true);
    long buildNanos = System.nanoTime() - start;

    long keyed = 0;
    long decoded = 0;
    start = System.nanoTime();
    long keyedNanos;
    do {
      decoded += lookup(t, rnd.nextInt(ROWS), true);
      keyed++;
      keyedNanos = System.nanoTime() - start;
    } while (keyedNanos < KEYED_NANOS);

    start = System.nanoTime();
    for (int i = 0; i < FULL_SCANS; i++) {
      lookup(t, rnd.nextInt(ROWS), false);
    }
    long fullNanos = System.nanoTime() - start;

    double keyedRate = keyed * 1e9 / keyedNanos;
    double fullRate = FULL_SCANS * 1e9 / fullNanos;
    System.out.printf("%s, %,d rows: first keyed lookup (builds the index) %.1f ms; keyed %,.0f lookups/s "
            + "(%,d rows decoded each); full scan + filter %.2f lookups/s; ratio %,.0fx; key index %,d bytes%n",
        what, ROWS, buildNanos / 1e6, keyedRate, decoded / keyed, fullRate, keyedRate / fullRate,
        engine.keyIndexStats().bytes());
  }

  /** Looks one id up, checks the row, and returns the rows decoded from segment pages. */
  private static long lookup(TableStore t, long id, boolean keyed) {
    ScanRequest request = ScanRequest.of(List.of(1, 2, 3)).withPruning(List.of(ColumnRange.equalTo(1, id)));
    int found = 0;
    try (TableVersion v = t.current(); Scanner s = v.scan(keyed ? request.withKeyColumn(1) : request)) {
      while (s.next()) {
        BigIntVector ids = (BigIntVector) s.batch().getVector(0);
        BigIntVector qty = (BigIntVector) s.batch().getVector(2);
        for (int i = 0; i < s.batch().getRowCount(); i++) {
          if (ids.get(i) == id) {
            if (qty.get(i) != id % 1000) {
              throw new AssertionError("wrong row for id " + id);
            }
            found++;
          }
        }
      }
      if (found != 1) {
        throw new AssertionError("id " + id + " found " + found + " times");
      }
      return s.metrics().rowsDecoded();
    }
  }
}
