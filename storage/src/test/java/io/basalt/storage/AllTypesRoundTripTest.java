package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.segment.SegmentMeta;
import io.basalt.storage.segment.SegmentReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AllTypesRoundTripTest extends StorageTestSupport {

  private static List<Integer> allColumnIds(TableLayout layout) {
    List<Integer> ids = new ArrayList<>();
    layout.columns().forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static List<List<Object>> sortedById(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(r -> (Long) r.get(0)));
    return copy;
  }

  @ParameterizedTest
  @EnumSource(StorageOptions.Compression.class)
  void everyTypeSurvivesBufferFlushAndCompaction(StorageOptions.Compression compression) {
    StorageOptions options = manual().toBuilder().compression(compression).rowGroupRows(1000).build();
    open(options);
    TableLayout layout = TestValues.allTypes(7);
    TableStore t = engine.createTable(layout);
    List<Integer> ids = allColumnIds(layout);

    try (VectorSchemaRoot b = TestValues.batch(layout, 0, 2500, root)) {
      assertThat(t.append(b)).isEqualTo(2500);
    }
    assertThat(rows(t, ids)).isEqualTo(TestValues.expectedRows(layout, 0, 2500));
    assertThat(t.stats().bufferedRows()).isEqualTo(2500);

    t.flush();
    assertThat(t.stats().segments()).isEqualTo(1);
    assertThat(t.stats().bufferedRows()).isZero();
    assertThat(rows(t, ids)).isEqualTo(TestValues.expectedRows(layout, 0, 2500));

    try (VectorSchemaRoot b = TestValues.batch(layout, 2500, 4000, root)) {
      t.append(b);
    }
    t.flush();
    assertThat(t.stats().segments()).isEqualTo(2);
    t.compact();
    assertThat(t.stats().segments()).isEqualTo(1);
    assertThat(sortedById(rows(t, ids))).isEqualTo(TestValues.expectedRows(layout, 0, 4000));

    // A different projection order and a subset of columns.
    List<List<Object>> sub = rows(t, List.of(11, 1, 10));
    assertThat(sub).hasSize(4000);
    for (List<Object> r : sub) {
      long id = (Long) r.get(1);
      assertThat(r.get(0)).isEqualTo(TestValues.expected(11, id));
      assertThat(r.get(2)).isEqualTo(TestValues.expected(10, id));
    }
  }

  @Test
  void segmentStatisticsAreInRocksDbAndInTheParquetFooter() throws Exception {
    open(manual());
    TableLayout layout = TestValues.allTypes(8);
    TableStore t = engine.createTable(layout);
    try (VectorSchemaRoot b = TestValues.batch(layout, 0, 1000, root)) {
      t.append(b);
    }
    t.flush();
    SegmentMeta meta;
    try (TableVersion v = t.current()) {
      meta = v.state().segments.get(0).meta;
    }
    for (ColumnSpec c : layout.columns()) {
      ColumnStats s = meta.stats(c.id());
      assertThat(s.rowCount()).isEqualTo(1000);
      long expectedNulls = 0;
      for (long id = 0; id < 1000; id++) {
        if (TestValues.expected(c.id(), id) == null) {
          expectedNulls++;
        }
      }
      assertThat(s.nullCount()).as("nulls of %s", c.name()).isEqualTo(expectedNulls);
      assertThat(s.hasMinMax()).as("min/max of %s", c.name()).isTrue();
    }
    assertThat(meta.stats(1).min()).isEqualTo(0L);
    assertThat(meta.stats(1).max()).isEqualTo(999L);
    assertThat(meta.stats(13).min()).isEqualTo(18_000);
    BigDecimal maxD18 = BigDecimal.valueOf(998 * 98_765_432L + 1, 4);
    assertThat(meta.stats(9).max()).isEqualTo(maxD18);

    ParquetMetadata footer = SegmentReader.footer(t.segmentFiles().get(0));
    assertThat(footer.getBlocks()).hasSize(1);
    assertThat(footer.getFileMetaData().getKeyValueMetaData()).containsEntry("basalt.table", "8");
    ColumnChunkMetaData idChunk = footer.getBlocks().get(0).getColumns().get(0);
    assertThat(idChunk.getPath().toDotString()).isEqualTo("c1");
    Statistics<?> st = idChunk.getStatistics();
    assertThat(st.genericGetMin()).isEqualTo(0L);
    assertThat(st.genericGetMax()).isEqualTo(999L);
    assertThat(footer.getBlocks().get(0).getColumns().get(10).getStatistics().getNumNulls())
        .isEqualTo(meta.stats(11).nullCount());
  }

  @Test
  void emptyProjectionCountsRows() {
    open(manual());
    TableLayout layout = TestValues.allTypes(9);
    TableStore t = engine.createTable(layout);
    try (VectorSchemaRoot b = TestValues.batch(layout, 0, 300, root)) {
      t.append(b);
    }
    t.flush();
    try (VectorSchemaRoot b = TestValues.batch(layout, 300, 500, root)) {
      t.append(b);
    }
    long count = 0;
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of()))) {
      while (s.next()) {
        assertThat(s.batch().getFieldVectors()).isEmpty();
        count += s.batch().getRowCount();
      }
    }
    assertThat(count).isEqualTo(500);
  }
}
