package io.basalt.flight;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * Fills the small fixed-schema roots of metadata answers (GetTables, GetXdbcTypeInfo, ...) from
 * rows of plain values: String, Integer, Boolean, byte[] or a List of String. These answers are
 * catalog-sized, not data-sized, so row-wise filling is fine here.
 */
final class RootWriter {
    private RootWriter() {}

    static void write(VectorSchemaRoot root, List<Object[]> rows) {
        root.allocateNew();
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < vectors.size(); c++) {
                set(vectors.get(c), r, row[c]);
            }
        }
        root.setRowCount(rows.size());
    }

    private static void set(FieldVector v, int i, Object value) {
        if (value == null) {
            v.setNull(i);
        } else if (v instanceof VarCharVector s) {
            s.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof IntVector n) {
            n.setSafe(i, ((Number) value).intValue());
        } else if (v instanceof BitVector b) {
            b.setSafe(i, (Boolean) value ? 1 : 0);
        } else if (v instanceof VarBinaryVector b) {
            b.setSafe(i, (byte[]) value);
        } else if (v instanceof ListVector l) {
            UnionListWriter w = l.getWriter();
            w.setPosition(i);
            w.startList();
            for (Object item : (List<?>) value) {
                byte[] bytes = item.toString().getBytes(StandardCharsets.UTF_8);
                try (org.apache.arrow.memory.ArrowBuf buf = l.getAllocator().buffer(bytes.length)) {
                    buf.setBytes(0, bytes);
                    w.varChar().writeVarChar(0, bytes.length, buf);
                }
            }
            w.endList();
        } else {
            throw new IllegalArgumentException("no writer for " + v.getClass().getSimpleName());
        }
    }
}
