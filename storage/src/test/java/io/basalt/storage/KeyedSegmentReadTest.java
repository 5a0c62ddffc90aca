package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.segment.SegmentWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;

class KeyedSegmentReadTest extends StorageTestSupport {

  private static final int ROWS = 1_000_000;

  /** One segment of a million rows whose ids are a random permutation: statistics prune nothing. */
  private TableStore millionShuffled() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    long[] ids = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ids[i] = i;
    }
    Random rnd = new Random(9);
    for (int i = ROWS - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      long x = ids[i];
      ids[i] = ids[j];
      ids[j] = x;
    }
    try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
      BigIntVector id = (BigIntVector) b.getVector(0);
      VarCharVector name = (VarCharVector) b.getVector(1);
      id.allocateNew(ROWS);
      name.allocateNew(8L * ROWS, ROWS);
      for (int i = 0; i < ROWS; i++) {
        id.set(i, ids[i]);
        name.setSafe(i, ("n" + ids[i]).getBytes(StandardCharsets.UTF_8));
      }
      b.setRowCount(ROWS);
      t.append(b);
    }
    t.flush();
    assertThat(t.stats().segments()).isEqualTo(1);
    return t;
  }

  private static KeyedScans.Result lookup(TableStore t, long id, boolean keyed) {
    ScanRequest r = ScanRequest.of(List.of(1, 2)).withPruning(List.of(ColumnRange.equalTo(1, id)));
    return KeyedScans.scan(t, keyed ? r.withKeyColumn(1) : r);
  }

  @Test
  void pointLookupInAMillionRowSegmentDecodesOnePagePerColumn() throws Exception {
    TableStore t = millionShuffled();
    KeyedScans.Result first = lookup(t, 123_456, true); // builds the index
    assertThat(first.rows()).hasSize(1);
    assertThat(engine.keyIndexStats().builds()).isEqualTo(1);

    Random rnd = new Random(10);
    for (int i = 0; i < 20; i++) {
      long id = rnd.nextInt(ROWS);
      KeyedScans.Result r = lookup(t, id, true);
      assertThat(r.rows()).hasSize(1);
      assertThat(r.rows().get(0).subList(2, 4)).containsExactly(id, "n" + id);
      assertThat(r.metrics().sourcesReadByKey()).isEqualTo(1);
      // One data page of each column: at most PAGE_ROWS rows, far from the million.
      assertThat(r.metrics().rowsDecoded()).isPositive().isLessThanOrEqualTo(SegmentWriter.PAGE_ROWS);
    }
    assertThat(engine.keyIndexStats().builds()).isEqualTo(1);
    assertThat(engine.keyIndexStats().bytes()).isGreaterThanOrEqualTo(12L * ROWS);

    // Without the key column the same request decodes the whole segment.
    KeyedScans.Result full = lookup(t, 123_456, false);
    assertThat(full.metrics().rowsDecoded()).isEqualTo(ROWS);
    assertThat(full.matching(t.layout().column(1).kind(), List.of(ColumnRange.equalTo(1, 123_456L)), 0))
        .isEqualTo(first.rows());

    // A missing key reads nothing at all.
    KeyedScans.Result missing = lookup(t, ROWS + 5L, true);
    assertThat(missing.rows()).isEmpty();
    assertThat(missing.metrics().rowsDecoded()).isZero();
  }

  @Test
  void segmentsHaveSmallPagesAndOffsetIndexes() throws Exception {
    TableStore t = millionShuffled();
    Path file = t.segmentFiles().get(0);
    ParquetMetadata footer = SegmentReader.footer(file);
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData c : block.getColumns()) {
        assertThat(c.getOffsetIndexReference()).as("offset index of %s", c.getPath()).isNotNull();
        assertThat(c.getColumnIndexReference()).as("column index of %s", c.getPath()).isNotNull();
      }
    }
    // 128k-row row groups cut into pages of about PAGE_ROWS rows: a wide range is still right.
    KeyedScans.Result r = KeyedScans.assertKeyedMatchesFullScan(t, List.of(1, 2), 0,
        List.of(ColumnRange.between(1, 500_000L, 502_999L)));
    assertThat(r.rows()).hasSize(3000);
    assertThat(r.metrics().sourcesReadByKey()).isEqualTo(1);
  }
}
