package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnSpec;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class MillionRowsTest extends StorageTestSupport {

  /** SplitMix64: well-spread pseudo-random values, so compression ratios are realistic. */
  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Test
  void appendFlushAndSumAMillionRows() {
    int rows = 1_000_000;
    open(manual());
    TableLayout layout = new TableLayout(1, List.of(
        new ColumnSpec(1, "id", INT64, false),
        new ColumnSpec(2, "qty", INT64, true),
        new ColumnSpec(3, "price", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
        new ColumnSpec(4, "sku", ArrowType.Utf8.INSTANCE, true)));
    TableStore t = engine.createTable(layout);
    long expectedQty = 0;
    double expectedPrice = 0;
    long appendNanos;
    try (VectorSchemaRoot b = VectorSchemaRoot.create(layout.schema(), root)) {
      BigIntVector id = (BigIntVector) b.getVector(0);
      BigIntVector qty = (BigIntVector) b.getVector(1);
      Float8Vector price = (Float8Vector) b.getVector(2);
      VarCharVector sku = (VarCharVector) b.getVector(3);
      id.allocateNew(rows);
      qty.allocateNew(rows);
      price.allocateNew(rows);
      sku.allocateNew(16L * rows, rows);
      for (int i = 0; i < rows; i++) {
        long r = mix(i);
        id.set(i, i);
        long q = Math.floorMod(r, 1_000_000L);
        if (i % 100 == 0) {
          qty.setNull(i);
        } else {
          qty.set(i, q);
          expectedQty += q;
        }
        double p = Math.floorMod(r >>> 20, 100_000L) / 100.0;
        price.set(i, p);
        expectedPrice += p;
        sku.setSafe(i, ("SKU-" + Math.floorMod(r >>> 40, 5000L)).getBytes(StandardCharsets.UTF_8));
      }
      b.setRowCount(rows);
      long start = System.nanoTime();
      t.append(b);
      appendNanos = System.nanoTime() - start;
    }
    long start = System.nanoTime();
    t.flush();
    long flushNanos = System.nanoTime() - start;
    assertThat(t.stats().segments()).isEqualTo(1);

    start = System.nanoTime();
    long sumQty = 0;
    double sumPrice = 0;
    long count = 0;
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(2, 3)))) {
      while (s.next()) {
        BigIntVector qty = (BigIntVector) s.batch().getVector(0);
        Float8Vector price = (Float8Vector) s.batch().getVector(1);
        int n = s.batch().getRowCount();
        for (int i = 0; i < n; i++) {
          if (!qty.isNull(i)) {
            sumQty += qty.get(i);
          }
          sumPrice += price.get(i);
        }
        count += n;
      }
    }
    long scanNanos = System.nanoTime() - start;
    assertThat(count).isEqualTo(rows);
    assertThat(sumQty).isEqualTo(expectedQty);
    assertThat(sumPrice).isEqualTo(expectedPrice); // same rows, same order: bit-identical

    // A checkpoint of the flushed million plus a buffered batch: RocksDB flush + hard links.
    appendIds(engine.createTable(idNameLayout(2)), 0, 100_000);
    start = System.nanoTime();
    engine.checkpoint(tmp.resolve("checkpoint"));
    long checkpointNanos = System.nanoTime() - start;
    assertThat(CheckpointManifest.read(tmp.resolve("checkpoint"))).hasSize(1);

    System.out.printf("1,000,000 rows x 4 columns: append %d ms, flush to Parquet %d ms (%d bytes), "
            + "scan 2 columns + SUM %d ms; checkpoint (plus 100k buffered rows) %d ms%n", appendNanos / 1_000_000,
        flushNanos / 1_000_000, t.stats().bytesOnDisk(), scanNanos / 1_000_000, checkpointNanos / 1_000_000);
  }
}
