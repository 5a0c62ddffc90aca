package io.basalt.server.dml;

import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.arrow.ArrowValues;
import io.basalt.session.ColumnMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Rows of a table as Arrow batches and Arrow IPC bytes (the payload of insert commands). */
public final class ArrowRows {
    private ArrowRows() {}

    /** The storage schema of a table: one field per column, named by column name. */
    public static Schema schema(TableDef table) {
        List<Field> fields = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            fields.add(ColumnMetadata.field(c.name(), c.type().arrowType(), c.nullable(), null));
        }
        return new Schema(fields);
    }

    /** A batch of {@code rows} (runtime values already coerced to the column types). */
    public static VectorSchemaRoot toBatch(TableDef table, List<Object[]> rows, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema(table), allocator);
        try {
            root.allocateNew();
            List<FieldVector> vectors = root.getFieldVectors();
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < vectors.size(); c++) {
                    ArrowValues.set(vectors.get(c), r, row[c]);
                }
            }
            root.setRowCount(rows.size());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Reads every row of a batch as runtime values. */
    public static List<Object[]> fromBatch(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        ArrowValues.Getter[] getters = new ArrowValues.Getter[vectors.size()];
        for (int c = 0; c < getters.length; c++) {
            getters[c] = ArrowValues.getter(vectors.get(c));
        }
        List<Object[]> out = new ArrayList<>(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
            Object[] row = new Object[getters.length];
            for (int c = 0; c < getters.length; c++) {
                row[c] = getters[c].get(r);
            }
            out.add(row);
        }
        return out;
    }

    /** Arrow IPC stream bytes of one batch. */
    public static byte[] toIpc(VectorSchemaRoot root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rows of the (single or concatenated) batches in Arrow IPC stream bytes. */
    public static List<Object[]> fromIpc(byte[] bytes, BufferAllocator allocator) {
        List<Object[]> rows = new ArrayList<>();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            while (reader.loadNextBatch()) {
                rows.addAll(fromBatch(reader.getVectorSchemaRoot()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
