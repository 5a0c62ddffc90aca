package io.basalt.mysql.server.fake;

import io.basalt.session.ColumnMetadata;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The read-only statements of sysbench's OLTP scripts on a virtual {@code sbtestN} table whose row
 * {@code id} has {@code c = "c-<id>"} and {@code k = id}.
 */
final class SysbenchTable {
    private final boolean sum;
    private final boolean range;

    private SysbenchTable(boolean sum, boolean range) {
        this.sum = sum;
        this.range = range;
    }

    /** The statement's shape, or null when {@code lowerSql} is not one of sysbench's selects. */
    static SysbenchTable of(String lowerSql) {
        if (!lowerSql.matches("select (distinct )?(c|sum\\(k\\)) from sbtest\\d+ where id.*")) {
            return null;
        }
        return new SysbenchTable(lowerSql.startsWith("select sum(k)"), lowerSql.contains(" between "));
    }

    Schema schema() {
        if (sum) {
            return new Schema(List.of(CannedResults.field("SUM(k)", new ArrowType.Decimal(32, 0, 128), true, Map.of())));
        }
        return new Schema(List.of(CannedResults.field("c", new ArrowType.Utf8(), false,
                Map.of(ColumnMetadata.SQL_TYPE, "CHAR", ColumnMetadata.LENGTH, "120"))));
    }

    VectorSchemaRoot rows(BufferAllocator allocator, List<Object> values) {
        long first = number(values.get(0));
        long last = range ? number(values.get(1)) : first;
        VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator);
        root.allocateNew();
        if (sum) {
            long total = 0;
            for (long id = first; id <= last; id++) {
                total += id;
            }
            ((DecimalVector) root.getVector(0)).setSafe(0, BigDecimal.valueOf(total));
            root.setRowCount(1);
            return root;
        }
        int row = 0;
        for (long id = first; id <= last; id++) {
            ((VarCharVector) root.getVector(0)).setSafe(row++, ("c-" + id).getBytes(StandardCharsets.US_ASCII));
        }
        root.setRowCount(row);
        return root;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
