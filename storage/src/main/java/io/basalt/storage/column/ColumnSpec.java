package io.basalt.storage.column;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One column of a table as storage sees it.
 *
 * @param id stable identity of the column: survives renames, never reused after a drop. Data
 *     files name their columns by id, so a rename or drop never rewrites data.
 * @param name the SQL-visible name, used for the Arrow fields a scan returns
 * @param type one of the Arrow types listed in {@link ColumnKind}
 * @param nullable whether appended rows may hold nulls in this column
 */
public record ColumnSpec(int id, String name, ArrowType type, boolean nullable) {

  public ColumnSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (id < 0) {
      throw new IllegalArgumentException("column id must be >= 0: " + id);
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    ColumnKind.of(type);
  }

  /** The column's kind. */
  public ColumnKind kind() {
    return ColumnKind.of(type);
  }

  /** The Arrow field for this column, named by its SQL name. */
  public Field toField() {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  /** The name data files use for this column: derived from the id only. */
  public String storageName() {
    return storageName(id);
  }

  /** The name data files use for the column with this id. */
  public static String storageName(int columnId) {
    return "c" + columnId;
  }
}
