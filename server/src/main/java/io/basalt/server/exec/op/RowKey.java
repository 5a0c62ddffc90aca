package io.basalt.server.exec.op;

import io.basalt.server.exec.value.Collation;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A hashable key of column values that is equal for values MySQL considers equal: strings under
 * the collation, decimals regardless of scale, integers and integral decimals alike.
 */
public final class RowKey {
    private final Object[] values;
    private final int hash;

    private RowKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** The key of the given columns of {@code row}. */
    public static RowKey of(Object[] row, int[] columns) {
        Object[] v = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            v[i] = normalize(row[columns[i]]);
        }
        return new RowKey(v);
    }

    /** The key of a whole row. */
    public static RowKey ofRow(Object[] row) {
        Object[] v = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            v[i] = normalize(row[i]);
        }
        return new RowKey(v);
    }

    /** True when any key column is NULL (such keys never match in an equi-join). */
    public boolean hasNull() {
        for (Object o : values) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    static Object normalize(Object v) {
        if (v instanceof String s) {
            return Collation.key(s);
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
                return s.longValueExact();
            }
            return s;
        }
        if (v instanceof Double d) {
            if (d == 0) {
                return 0L;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e18) {
                return (long) (double) d;
            }
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof byte[] b) {
            return new BytesKey(b);
        }
        return v;
    }

    /** byte[] with value equality. */
    private record BytesKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BytesKey k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && hash == k.hash && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
