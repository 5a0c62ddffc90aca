package io.basalt.flight;

import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/**
 * Runs a catalog query (information_schema) through the client's session and reads its few rows
 * into plain values, so Flight metadata commands answer from the same source as the MySQL face.
 */
final class SmallResults {
    private SmallResults() {}

    /** The rows of {@code sql}: Text becomes String, other values stay as Arrow reads them. */
    static List<Object[]> query(Session session, String sql) {
        List<Object[]> rows = new ArrayList<>();
        try (QueryResult result = session.execute(sql)) {
            if (!(result instanceof QueryResult.Rows r)) {
                return rows;
            }
            while (r.stream().next()) {
                VectorSchemaRoot root = r.stream().root();
                List<FieldVector> vectors = root.getFieldVectors();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Object[] row = new Object[vectors.size()];
                    for (int c = 0; c < row.length; c++) {
                        Object v = vectors.get(c).getObject(i);
                        row[c] = v instanceof Text t ? t.toString() : v;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A string literal in MySQL syntax: backslash and quote escaped. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** An identifier in backquotes. */
    static String identifier(String s) {
        return "`" + s.replace("`", "``") + "`";
    }
}
