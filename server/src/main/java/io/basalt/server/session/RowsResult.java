package io.basalt.server.session;

import io.basalt.server.exec.arrow.ArrowValues;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.session.BatchStream;
import io.basalt.session.ColumnMetadata;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A small result computed in memory (SHOW statements and friends) as a batch stream. */
public final class RowsResult {
    private RowsResult() {}

    public static QueryResult.Rows of(List<ResultColumn> columns, List<Object[]> rows, BufferAllocator allocator) {
        return new QueryResult.Rows(stream(columns, rows, allocator), 0);
    }

    public static BatchStream stream(List<ResultColumn> columns, List<Object[]> rows, BufferAllocator allocator) {
        List<Field> fields = new ArrayList<>();
        for (ResultColumn c : columns) {
            Map<String, String> md = new HashMap<>();
            md.put(ColumnMetadata.SQL_TYPE, c.type().metadataName());
            md.put(ColumnMetadata.LENGTH, Integer.toString(c.type().displayLength()));
            fields.add(ColumnMetadata.field(c.name(), c.type().arrowType(), true, md));
        }
        Schema schema = new Schema(fields);
        BufferAllocator child = allocator.newChildAllocator("rows-result", 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, child);
        return new BatchStream() {
            private boolean sent;
            private boolean closed;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public VectorSchemaRoot root() {
                return root;
            }

            @Override
            public boolean next() {
                if (sent || rows.isEmpty()) {
                    return false;
                }
                sent = true;
                root.allocateNew();
                List<FieldVector> vectors = root.getFieldVectors();
                for (int r = 0; r < rows.size(); r++) {
                    Object[] row = rows.get(r);
                    for (int c = 0; c < vectors.size(); c++) {
                        Object v = row[c];
                        if (v != null && columns.get(c).type().isString() && !(v instanceof String)) {
                            v = MysqlValues.toText(v);
                        }
                        if (v instanceof Integer i) {
                            v = (long) i;
                        }
                        ArrowValues.set(vectors.get(c), r, v);
                    }
                }
                root.setRowCount(rows.size());
                return true;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    root.close();
                    child.close();
                }
            }
        };
    }
}
