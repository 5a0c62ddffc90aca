package io.basalt.flight;

import io.basalt.session.ColumnMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Schemas as Flight SQL clients read them: the session's SQL column details (basalt.* field
 * metadata) become the ARROW:FLIGHT:SQL:* keys that JDBC and ADBC drivers turn into
 * ResultSetMetaData and getColumns() rows.
 */
final class FlightSchemas {
    /** The one catalog: what information_schema reports as TABLE_CATALOG. */
    static final String CATALOG = "def";

    private FlightSchemas() {}

    /** A result or table schema with Flight SQL column metadata in place of Basalt's own keys. */
    static Schema forClients(Schema schema) {
        List<Field> fields = new ArrayList<>(schema.getFields().size());
        for (Field f : schema.getFields()) {
            fields.add(new Field(f.getName(),
                    new FieldType(f.isNullable(), f.getType(), f.getDictionary(), columnMetadata(f)), f.getChildren()));
        }
        return new Schema(fields);
    }

    /**
     * The schema advertised for prepared statement parameters. Arrow's JDBC driver 18.3 writes the
     * milliseconds Avatica gives it into timestamp and time vectors without converting to the
     * vector's unit, so parameters are declared in milliseconds, where its values are right.
     */
    static Schema forParameters(Schema parameters) {
        List<Field> fields = new ArrayList<>(parameters.getFields().size());
        for (Field f : parameters.getFields()) {
            ArrowType t = f.getType();
            if (t instanceof ArrowType.Timestamp ts) {
                t = new ArrowType.Timestamp(TimeUnit.MILLISECOND, ts.getTimezone());
            } else if (t instanceof ArrowType.Time) {
                t = new ArrowType.Time(TimeUnit.MILLISECOND, 32);
            }
            fields.add(new Field(f.getName(), new FieldType(true, t, null, null), null));
        }
        return new Schema(fields);
    }

    private static Map<String, String> columnMetadata(Field f) {
        FlightSqlColumnMetadata.Builder b = new FlightSqlColumnMetadata.Builder();
        String schema = ColumnMetadata.get(f, ColumnMetadata.SCHEMA);
        String table = ColumnMetadata.get(f, ColumnMetadata.ORIGINAL_TABLE);
        if (table == null) {
            table = ColumnMetadata.get(f, ColumnMetadata.TABLE);
        }
        if (schema != null) {
            b.catalogName(CATALOG).schemaName(schema);
        }
        if (table != null) {
            b.tableName(table);
        }
        String typeName = typeName(f);
        if (typeName != null) {
            b.typeName(typeName);
        }
        int precision = ColumnMetadata.getInt(f, ColumnMetadata.PRECISION, -1);
        if (precision < 0 && isCharacterOrBinary(f.getType())) {
            precision = ColumnMetadata.getInt(f, ColumnMetadata.LENGTH, -1);
        }
        if (precision >= 0) {
            b.precision(precision);
        }
        int scale = ColumnMetadata.getInt(f, ColumnMetadata.SCALE, -1);
        if (scale >= 0) {
            b.scale(scale);
        }
        b.isAutoIncrement("true".equals(ColumnMetadata.get(f, ColumnMetadata.AUTO_INCREMENT)));
        // MySQL compares strings with case-insensitive collations by default.
        b.isCaseSensitive(false);
        b.isReadOnly(ColumnMetadata.get(f, ColumnMetadata.ORIGINAL_NAME) == null);
        b.isSearchable(true);
        return b.build().getMetadataMap();
    }

    /** "VARCHAR", "DECIMAL", "INT UNSIGNED": the declared type without its length, upper case. */
    static String typeName(Field f) {
        String sqlType = ColumnMetadata.get(f, ColumnMetadata.SQL_TYPE);
        if (sqlType == null) {
            return null;
        }
        int paren = sqlType.indexOf('(');
        String base = (paren < 0 ? sqlType : sqlType.substring(0, paren)).trim().toUpperCase(Locale.ROOT);
        if (base.equals("TINYINT") && sqlType.startsWith("tinyint(1)")) {
            base = "BOOLEAN";
        }
        if ("true".equals(ColumnMetadata.get(f, ColumnMetadata.UNSIGNED)) && !base.endsWith("UNSIGNED")) {
            base += " UNSIGNED";
        }
        return base;
    }

    private static boolean isCharacterOrBinary(ArrowType t) {
        return t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Binary
                || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary;
    }
}
