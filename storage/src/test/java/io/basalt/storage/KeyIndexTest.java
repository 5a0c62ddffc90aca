package io.basalt.storage;

import static io.basalt.storage.KeyedScans.assertKeyedMatchesFullScan;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class KeyIndexTest extends StorageTestSupport {

  private static Object bound(Object value) {
    return value instanceof ByteBuffer b ? KeyedScans.bytes(b) : value;
  }

  @Test
  void everyColumnKindAnswersLookupsLikeAFilteredScan() {
    open(manual().toBuilder().rowGroupRows(400).bufferBatchRows(700).build());
    TableLayout layout = TestValues.allTypes(1);
    TableStore t = engine.createTable(layout);
    try (VectorSchemaRoot b = TestValues.batch(layout, 0, 2000, root)) {
      t.append(b);
    }
    t.flush();
    try (VectorSchemaRoot b = TestValues.batch(layout, 2000, 3000, root)) {
      t.append(b);
    }
    Random rnd = new Random(11);
    for (ColumnSpec c : layout.columns()) {
      ColumnKind kind = c.kind();
      List<Integer> cols = c.id() == 1 ? List.of(1) : List.of(c.id(), 1);
      int matched = 0;
      for (int i = 0; i < 40; i++) {
        Object a = bound(TestValues.expected(c.id(), rnd.nextInt(3000)));
        Object b = bound(TestValues.expected(c.id(), rnd.nextInt(3000)));
        if (a == null || b == null) {
          continue;
        }
        if (Values.compare(kind, a, b) > 0) {
          Object x = a;
          a = b;
          b = x;
        }
        List<ColumnRange> ranges = switch (i % 3) {
          case 0 -> List.of(ColumnRange.equalTo(c.id(), a));
          case 1 -> List.of(ColumnRange.between(c.id(), a, b));
          default -> List.of(ColumnRange.greaterThan(c.id(), a, false), ColumnRange.lessThan(c.id(), b, true));
        };
        KeyedScans.Result r = assertKeyedMatchesFullScan(t, cols, 0, ranges);
        matched += r.rows().size();
      }
      assertThat(matched).as("rows matched on %s", c.name()).isPositive();
    }
  }

  @Test
  void floatKeysFollowSqlOrder() {
    open(manual());
    TableLayout layout = new TableLayout(1, List.of(
        new ColumnSpec(1, "d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
        new ColumnSpec(2, "f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), true)));
    TableStore t = engine.createTable(layout);
    double[] values = {-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.5, -1.5,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 0.1};
    for (int round = 0; round < 2; round++) {
      try (VectorSchemaRoot b = VectorSchemaRoot.create(layout.schema(), root)) {
        Float8Vector d = (Float8Vector) b.getVector(0);
        Float4Vector f = (Float4Vector) b.getVector(1);
        for (int i = 0; i < values.length; i++) {
          d.setSafe(i, values[i]);
          f.setSafe(i, (float) values[i]);
        }
        d.setNull(values.length);
        f.setNull(values.length);
        b.setRowCount(values.length + 1);
        t.append(b);
      }
      if (round == 0) {
        t.flush();
      }
    }
    for (int key = 1; key <= 2; key++) {
      List<Integer> cols = List.of(key);
      int zeros = key == 1 ? 4 : 8; // as floats, +-MIN_VALUE are zeros too
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(key, 0.0))).rows())
          .hasSize(zeros);
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(key, -0.0))).rows())
          .hasSize(zeros);
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(key, Double.NaN))).rows())
          .hasSize(2);
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.greaterThan(key, 1e300, false))).rows())
          .hasSize(6); // MAX_VALUE (+inf as a float), +inf and NaN, which is largest
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.lessThan(key, -1.0, false))).rows())
          .hasSize(4);
      assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.between(key, -Double.MIN_VALUE, Double.MIN_VALUE)));
      assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.greaterThan(key, 0.0, false)));
      assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(key, 0.1)));
    }
  }

  @Test
  void decimalBoundsFinerThanTheScaleRoundInward() {
    open(manual());
    TableLayout layout = new TableLayout(1, List.of(new ColumnSpec(1, "d", new ArrowType.Decimal(9, 2, 128), true)));
    TableStore t = engine.createTable(layout);
    try (VectorSchemaRoot b = VectorSchemaRoot.create(layout.schema(), root)) {
      DecimalVector d = (DecimalVector) b.getVector(0);
      String[] values = {"-1.50", "-0.01", "0.00", "0.01", "1.49", "1.50", "1.51", "9999999.99", "-9999999.99"};
      for (int i = 0; i < values.length; i++) {
        d.setSafe(i, new BigDecimal(values[i]));
      }
      b.setRowCount(values.length);
      t.append(b);
    }
    t.flush();
    List<Integer> cols = List.of(1);
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(1, new BigDecimal("1.5")))).rows())
        .hasSize(1);
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(1, new BigDecimal("1.505")))).rows())
        .isEmpty();
    assertThat(assertKeyedMatchesFullScan(t, cols, 0,
        List.of(ColumnRange.between(1, new BigDecimal("1.495"), new BigDecimal("1.5099")))).rows()).hasSize(1);
    assertThat(assertKeyedMatchesFullScan(t, cols, 0,
        List.of(ColumnRange.greaterThan(1, new BigDecimal("-0.005"), false),
            ColumnRange.lessThan(1, new BigDecimal("0.011"), false))).rows()).hasSize(2);
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(1, 1L))).rows()).isEmpty();
    // Bounds beyond what 128 bits hold.
    BigDecimal huge = new BigDecimal("1e60");
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.greaterThan(1, huge, true))).rows())
        .isEmpty();
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.between(1, huge.negate(), huge))).rows())
        .hasSize(9);
  }

  @Test
  void longKeysAtTheExtremes() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    long[] keys = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
      BigIntVector id = (BigIntVector) b.getVector(0);
      for (int i = 0; i < keys.length; i++) {
        id.setSafe(i, keys[i]);
        b.getVector(1).setNull(i);
      }
      b.setRowCount(keys.length);
      t.append(b);
    }
    List<Integer> cols = List.of(1);
    for (long k : keys) {
      for (boolean inclusive : new boolean[] {true, false}) {
        assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.greaterThan(1, k, inclusive)));
        assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.lessThan(1, k, inclusive)));
      }
      assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(1, k))).rows()).hasSize(1);
    }
    assertThat(assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.greaterThan(1, Long.MAX_VALUE, false)))
        .rows()).isEmpty();
  }

  @Test
  void radixSortOrdersSignedKeysAndKeepsEqualKeysInPositionOrder() {
    Random rnd = new Random(12);
    for (int round = 0; round < 20; round++) {
      int n = rnd.nextInt(5000);
      long[] keys = new long[n];
      int[] positions = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = switch (round % 3) {
          case 0 -> rnd.nextLong();
          case 1 -> rnd.nextInt(100) - 50;
          default -> (long) rnd.nextInt(1000) << 40;
        };
        positions[i] = i;
      }
      List<long[]> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        expected.add(new long[] {keys[i], i});
      }
      expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      LongKeyIndex.radixSort(keys, positions);
      for (int i = 0; i < n; i++) {
        assertThat(new long[] {keys[i], positions[i]}).isEqualTo(expected.get(i));
      }
    }
  }
}
