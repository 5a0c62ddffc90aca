package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of a table, in their SQL order. Immutable.
 *
 * @param tableId the table's id, assigned by the server
 * @param columns the columns; ids and names are unique
 */
public record TableLayout(long tableId, List<ColumnSpec> columns) {

  private static final int FORMAT_VERSION = 1;

  public TableLayout {
    columns = List.copyOf(requireNonNull(columns, "columns"));
    Set<Integer> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (ColumnSpec c : columns) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate column id " + c.id());
      }
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("duplicate column name " + c.name());
      }
    }
  }

  /** The column with this id, or null. */
  public ColumnSpec column(int columnId) {
    for (ColumnSpec c : columns) {
      if (c.id() == columnId) {
        return c;
      }
    }
    return null;
  }

  /** The column with this name (exact match), or null. */
  public ColumnSpec column(String name) {
    for (ColumnSpec c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The largest column id, or -1 for no columns. */
  public int maxColumnId() {
    int max = -1;
    for (ColumnSpec c : columns) {
      max = Math.max(max, c.id());
    }
    return max;
  }

  /** The Arrow schema of full rows: fields named by column name, in column order. */
  public Schema schema() {
    List<Field> fields = new ArrayList<>(columns.size());
    for (ColumnSpec c : columns) {
      fields.add(c.toField());
    }
    return new Schema(fields);
  }

  /** This layout plus {@code column} at the end. */
  public TableLayout withColumn(ColumnSpec column) {
    List<ColumnSpec> cs = new ArrayList<>(columns);
    cs.add(column);
    return new TableLayout(tableId, cs);
  }

  /** This layout without the column with this id. */
  public TableLayout withoutColumn(int columnId) {
    List<ColumnSpec> cs = new ArrayList<>(columns);
    cs.removeIf(c -> c.id() == columnId);
    return new TableLayout(tableId, cs);
  }

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_VERSION);
      out.writeLong(tableId);
      ValueCodec.writeColumns(columns, out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new StorageException("cannot encode layout", e);
    }
  }

  static TableLayout decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      int version = in.readUnsignedByte();
      if (version != FORMAT_VERSION) {
        throw new IOException("unknown layout version " + version);
      }
      long tableId = in.readLong();
      return new TableLayout(tableId, ValueCodec.readColumns(in));
    } catch (IOException e) {
      throw new StorageException("corrupt table layout record", e);
    }
  }
}
