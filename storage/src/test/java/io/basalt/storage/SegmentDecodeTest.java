package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.segment.SegmentWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequential segment reads (the page-at-a-time decoder) return exactly the values written, for every
 * column type, through dictionary-encoded pages, pages that fell back to plain encoding, null runs,
 * pages of nulls only, several row groups, and masks of rows to keep; and the same rows as reading
 * them by position (Parquet's own column reader).
 */
class SegmentDecodeTest {

  private static final int ROWS = 150_000;
  private static final int NULL_FROM = 40_000;
  private static final int NULL_TO = 47_000;

  @TempDir
  Path tmp;
  private BufferAllocator allocator;
  private TableLayout layout;
  private VectorSchemaRoot source;
  private Path file;

  @BeforeEach
  void write() throws Exception {
    allocator = new RootAllocator();
    layout = TestValues.allTypes(1);
    source = TestValues.batch(layout, 0, ROWS, allocator);
    // i64 and s: few distinct values first, then many; s overflows its dictionary, so the rest of
    // its chunks falls back to plain pages
    BigIntVector i64 = (BigIntVector) source.getVector(5);
    VarCharVector str = (VarCharVector) source.getVector(10);
    str.reset();
    for (int i = 0; i < ROWS; i++) {
      if (i % 11 == 5) {
        i64.setNull(i);
        str.setNull(i);
        continue;
      }
      boolean few = i % 64_000 < 20_000;
      i64.set(i, few ? i % 10 : i * 7_919L);
      String v = few ? "few-" + i % 10 : "distinct-" + i + "-" + "x".repeat(i % 40);
      str.setSafe(i, v.getBytes(StandardCharsets.UTF_8));
    }
    str.setValueCount(ROWS);
    // whole pages without nulls in plain-encoded 4- and 8-byte columns: copied without decoding
    IntVector i32 = (IntVector) source.getVector(4);
    Float8Vector f64 = (Float8Vector) source.getVector(7);
    for (int i = 100_000; i < 110_000; i++) {
      i32.set(i, i * 3);
      f64.set(i, i * 0.25);
    }
    // a stretch of rows where every nullable column is null: whole pages of nulls
    for (int c = 1; c < layout.columns().size(); c++) {
      for (int i = NULL_FROM; i < NULL_TO; i++) {
        source.getVector(c).setNull(i);
      }
    }
    file = tmp.resolve("s.parquet");
    int[] positions = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      positions[i] = i;
    }
    try (SegmentWriter w = new SegmentWriter(file, layout.columns(), 64_000, CompressionCodecName.ZSTD, Map.of())) {
      w.write(source.getFieldVectors().toArray(new FieldVector[0]), positions, ROWS);
      w.finish();
    }
  }

  @AfterEach
  void close() {
    source.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void theFileMixesDictionaryAndPlainPages() throws Exception {
    Map<String, Set<Encoding>> seen = new HashMap<>();
    for (BlockMetaData block : SegmentReader.footer(file).getBlocks()) {
      for (ColumnChunkMetaData c : block.getColumns()) {
        seen.computeIfAbsent(c.getPath().toDotString(), k -> new java.util.HashSet<>()).addAll(c.getEncodings());
      }
    }
    // dictionary-encoded throughout, plain throughout, and dictionary pages followed by plain ones
    // once the dictionary outgrew its limit
    assertThat(seen.get(ColumnSpec.storageName(3))).contains(Encoding.PLAIN_DICTIONARY).doesNotContain(Encoding.PLAIN);
    assertThat(seen.get(ColumnSpec.storageName(1))).contains(Encoding.PLAIN).doesNotContain(Encoding.PLAIN_DICTIONARY);
    assertThat(seen.get(ColumnSpec.storageName(6))).contains(Encoding.PLAIN_DICTIONARY);
    assertThat(seen.get(ColumnSpec.storageName(11))).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
  }

  @Test
  void sequentialReadsReturnEveryValue() throws Exception {
    assertThat(readAll(null)).isEqualTo(expected(null));
  }

  @Test
  void sequentialReadsKeepOnlyMaskedRows() throws Exception {
    Random rnd = new Random(42);
    boolean[] keep = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      keep[i] = rnd.nextInt(3) != 0;
    }
    assertThat(readAll(keep)).isEqualTo(expected(keep));
  }

  @Test
  void positionalReadsAgreeWithSequentialReads() throws Exception {
    Random rnd = new Random(7);
    List<Integer> picks = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      picks.add(rnd.nextInt(ROWS));
    }
    picks = new ArrayList<>(new java.util.TreeSet<>(picks));
    int[] positions = picks.stream().mapToInt(Integer::intValue).toArray();
    List<List<Object>> all = readAll(null);
    List<List<Object>> expected = new ArrayList<>();
    for (int p : positions) {
      expected.add(all.get(p));
    }
    try (SegmentReader r = new SegmentReader(file, layout.columns());
         VectorSchemaRoot out = VectorSchemaRoot.create(layout.schema(), allocator)) {
      FieldVector[] vectors = out.getFieldVectors().toArray(new FieldVector[0]);
      for (FieldVector v : vectors) {
        v.allocateNew();
      }
      r.readRows(positions, 0, positions.length, vectors);
      for (FieldVector v : vectors) {
        v.setValueCount(positions.length);
      }
      assertThat(rows(vectors, positions.length)).isEqualTo(expected);
    }
  }

  /** Reads the file front to back in uneven chunks that cross page and row group boundaries. */
  private List<List<Object>> readAll(boolean[] keep) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    int[] chunks = {1, 777, 4096, 2048, 3, 10_000};
    int next = 0;
    int start = 0;
    try (SegmentReader r = new SegmentReader(file, layout.columns());
         VectorSchemaRoot out = VectorSchemaRoot.create(layout.schema(), allocator)) {
      FieldVector[] vectors = out.getFieldVectors().toArray(new FieldVector[0]);
      while (r.nextRowGroup(false)) {
        while (r.rowsLeftInGroup() > 0) {
          int n = (int) Math.min(chunks[next++ % chunks.length], r.rowsLeftInGroup());
          boolean[] mask = null;
          if (keep != null) {
            mask = new boolean[n];
            System.arraycopy(keep, start, mask, 0, n);
          }
          for (FieldVector v : vectors) {
            v.reset();
          }
          int kept = r.read(n, mask, vectors);
          for (FieldVector v : vectors) {
            v.setValueCount(kept);
          }
          rows.addAll(rows(vectors, kept));
          start += n;
        }
      }
    }
    assertThat(start).isEqualTo(ROWS);
    return rows;
  }

  private static List<List<Object>> rows(FieldVector[] vectors, int count) {
    List<List<Object>> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Object> row = new ArrayList<>(vectors.length);
      for (FieldVector v : vectors) {
        row.add(TestValues.read(v, i));
      }
      rows.add(row);
    }
    return rows;
  }

  private List<List<Object>> expected(boolean[] keep) {
    List<List<Object>> all = rows(source.getFieldVectors().toArray(new FieldVector[0]), ROWS);
    if (keep == null) {
      return all;
    }
    List<List<Object>> kept = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (keep[i]) {
        kept.add(all.get(i));
      }
    }
    return Collections.unmodifiableList(kept);
  }
}
