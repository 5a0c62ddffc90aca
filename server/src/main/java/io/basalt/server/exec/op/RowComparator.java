package io.basalt.server.exec.op;

import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Warnings;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** Orders rows by a collation: MySQL value comparison, NULLs first ascending unless asked otherwise. */
public final class RowComparator implements Comparator<Object[]> {
    private final int[] fields;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public RowComparator(List<RelFieldCollation> collations) {
        int n = collations.size();
        fields = new int[n];
        descending = new boolean[n];
        nullsFirst = new boolean[n];
        for (int i = 0; i < n; i++) {
            RelFieldCollation c = collations.get(i);
            fields[i] = c.getFieldIndex();
            descending[i] = c.direction.isDescending();
            nullsFirst[i] = switch (c.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                // MySQL: NULL is the smallest value.
                default -> !descending[i];
            };
        }
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < fields.length; i++) {
            Object x = a[fields[i]];
            Object y = b[fields[i]];
            int c;
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                c = (x == null) == nullsFirst[i] ? -1 : 1;
                return c;
            }
            c = MysqlValues.compare(x, y, Warnings.IGNORE);
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }
}
