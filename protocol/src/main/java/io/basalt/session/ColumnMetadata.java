package io.basalt.session;

import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * SQL details of a result column carried in Arrow field metadata, for encoders that need more than
 * the Arrow type (MySQL column definitions, JDBC metadata). Every key is optional.
 */
public final class ColumnMetadata {
    /** The SQL type name as declared, upper case: INT, VARCHAR, CHAR, TEXT, DATETIME, ... */
    public static final String SQL_TYPE = "basalt.sql_type";
    /** Declared length in characters for strings, display width for numbers. */
    public static final String LENGTH = "basalt.length";
    /** Declared precision for DECIMAL. */
    public static final String PRECISION = "basalt.precision";
    /** Declared scale for DECIMAL, fractional digits for DOUBLE results that have one. */
    public static final String SCALE = "basalt.scale";
    /** Database of the underlying table column. */
    public static final String SCHEMA = "basalt.schema";
    /** Table (or alias) the column comes from. */
    public static final String TABLE = "basalt.table";
    /** The underlying table's own name. */
    public static final String ORIGINAL_TABLE = "basalt.original_table";
    /** The underlying column's own name (the field name is its label). */
    public static final String ORIGINAL_NAME = "basalt.original_name";
    /** "true" for a column of the table's primary key. */
    public static final String PRIMARY_KEY = "basalt.primary_key";
    /** "true" for an UNSIGNED integer column. */
    public static final String UNSIGNED = "basalt.unsigned";
    /** "true" for an AUTO_INCREMENT column. */
    public static final String AUTO_INCREMENT = "basalt.auto_increment";

    private ColumnMetadata() {}

    /** A nullable or non-null field with the given type and metadata. */
    public static Field field(String name, ArrowType type, boolean nullable, Map<String, String> metadata) {
        return new Field(name, new FieldType(nullable, type, null, metadata == null ? null : new HashMap<>(metadata)), null);
    }

    /** The metadata value of {@code key}, or null. */
    public static String get(Field field, String key) {
        Map<String, String> m = field.getMetadata();
        return m == null ? null : m.get(key);
    }

    /** The integer metadata value of {@code key}, or {@code fallback}. */
    public static int getInt(Field field, String key, int fallback) {
        String v = get(field, key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
