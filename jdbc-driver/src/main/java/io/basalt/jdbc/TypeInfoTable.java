package io.basalt.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcVectorSchemaRootResultSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code DatabaseMetaData.getTypeInfo()}: Arrow's driver answers it with no rows, which leaves BI
 * tools without a type list. The rows are the SQL types Basalt stores, as its Flight SQL
 * service describes them (CommandGetXdbcTypeInfo; a test keeps the two equal), in the
 * columns and order JDBC specifies.
 */
final class TypeInfoTable implements AutoCloseable {
    /** One type: name, JDBC type, precision, literal prefix/suffix, create params, case-sensitive,
     *  unsigned, fixed precision/scale, auto increment, min/max scale, datetime subcode, radix. */
    record Row(String name, int dataType, int precision, String prefix, String suffix, String createParams,
               boolean caseSensitive, Boolean unsigned, boolean fixedPrecScale, Boolean autoIncrement,
               Integer minScale, Integer maxScale, Integer datetimeSub, Integer radix) {}

    static final List<Row> ROWS = List.of(
            new Row("BOOLEAN", Types.BOOLEAN, 1, null, null, null, false, null, true, null, 0, 0, null, null),
            new Row("TINYINT", Types.TINYINT, 3, null, null, null, false, false, true, true, 0, 0, null, 10),
            new Row("BIGINT", Types.BIGINT, 19, null, null, null, false, false, true, true, 0, 0, null, 10),
            new Row("BLOB", Types.LONGVARBINARY, 65_535, "0x", null, null, true, null, false, null, null, null, null,
                    null),
            new Row("VARBINARY", Types.VARBINARY, 65_535, "0x", null, "length", true, null, false, null, null, null,
                    null, null),
            new Row("TEXT", Types.LONGVARCHAR, 65_535, "'", "'", null, false, null, false, null, null, null, null,
                    null),
            new Row("CHAR", Types.CHAR, 255, "'", "'", "length", false, null, false, null, null, null, null, null),
            new Row("DECIMAL", Types.DECIMAL, 65, null, null, "precision,scale", false, false, true, false, 0, 30,
                    null, 10),
            new Row("INT", Types.INTEGER, 10, null, null, null, false, false, true, true, 0, 0, null, 10),
            new Row("SMALLINT", Types.SMALLINT, 5, null, null, null, false, false, true, true, 0, 0, null, 10),
            new Row("FLOAT", Types.REAL, 12, null, null, null, false, false, false, false, null, null, null, 10),
            new Row("DOUBLE", Types.DOUBLE, 22, null, null, null, false, false, false, false, null, null, null, 10),
            new Row("VARCHAR", Types.VARCHAR, 65_535, "'", "'", "length", false, null, false, null, null, null, null,
                    null),
            new Row("DATE", Types.DATE, 10, "'", "'", null, false, null, false, null, null, null, 1, null),
            new Row("TIME", Types.TIME, 15, "'", "'", "fsp", false, null, false, null, 0, 6, 2, null),
            new Row("DATETIME", Types.TIMESTAMP, 26, "'", "'", "fsp", false, null, false, null, 0, 6, 3, null),
            new Row("TIMESTAMP", Types.TIMESTAMP, 26, "'", "'", "fsp", false, null, false, null, 0, 6, 3, null));

    private static final Schema SCHEMA = new Schema(List.of(
            varchar("TYPE_NAME", false), integer("DATA_TYPE"), integer("PRECISION"), varchar("LITERAL_PREFIX", true),
            varchar("LITERAL_SUFFIX", true), varchar("CREATE_PARAMS", true), smallint("NULLABLE"),
            bit("CASE_SENSITIVE"), smallint("SEARCHABLE"), bit("UNSIGNED_ATTRIBUTE"), bit("FIXED_PREC_SCALE"),
            bit("AUTO_INCREMENT"), varchar("LOCAL_TYPE_NAME", true), smallint("MINIMUM_SCALE"),
            smallint("MAXIMUM_SCALE"), integer("SQL_DATA_TYPE"), integer("SQL_DATETIME_SUB"),
            integer("NUM_PREC_RADIX")));

    private final BufferAllocator allocator = new RootAllocator();

    /** A new result set of every type, ordered by DATA_TYPE then name as JDBC asks. */
    ResultSet resultSet() throws SQLException {
        List<Row> rows = ROWS.stream()
                .sorted(java.util.Comparator.comparingInt(Row::dataType).thenComparing(Row::name)).toList();
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        root.allocateNew();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            text(root, "TYPE_NAME", i, r.name());
            ((IntVector) root.getVector("DATA_TYPE")).setSafe(i, r.dataType());
            ((IntVector) root.getVector("PRECISION")).setSafe(i, r.precision());
            text(root, "LITERAL_PREFIX", i, r.prefix());
            text(root, "LITERAL_SUFFIX", i, r.suffix());
            text(root, "CREATE_PARAMS", i, r.createParams());
            small(root, "NULLABLE", i, java.sql.DatabaseMetaData.typeNullable);
            flag(root, "CASE_SENSITIVE", i, r.caseSensitive());
            small(root, "SEARCHABLE", i, java.sql.DatabaseMetaData.typeSearchable);
            flag(root, "UNSIGNED_ATTRIBUTE", i, r.unsigned());
            flag(root, "FIXED_PREC_SCALE", i, r.fixedPrecScale());
            flag(root, "AUTO_INCREMENT", i, r.autoIncrement());
            text(root, "LOCAL_TYPE_NAME", i, r.name());
            small(root, "MINIMUM_SCALE", i, r.minScale());
            small(root, "MAXIMUM_SCALE", i, r.maxScale());
            ((IntVector) root.getVector("SQL_DATA_TYPE")).setSafe(i, r.datetimeSub() != null ? 9 : r.dataType());
            number(root, "SQL_DATETIME_SUB", i, r.datetimeSub());
            number(root, "NUM_PREC_RADIX", i, r.radix());
        }
        root.setRowCount(rows.size());
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(rows.size());
        }
        return ArrowFlightJdbcVectorSchemaRootResultSet.fromVectorSchemaRoot(root);
    }

    private static void text(VectorSchemaRoot root, String column, int row, String value) {
        VarCharVector v = (VarCharVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void small(VectorSchemaRoot root, String column, int row, Integer value) {
        SmallIntVector v = (SmallIntVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.shortValue());
        }
    }

    private static void number(VectorSchemaRoot root, String column, int row, Integer value) {
        IntVector v = (IntVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value);
        }
    }

    private static void flag(VectorSchemaRoot root, String column, int row, Boolean value) {
        BitVector v = (BitVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value ? 1 : 0);
        }
    }

    private static Field varchar(String name, boolean nullable) {
        return nullable ? Field.nullable(name, ArrowType.Utf8.INSTANCE) : Field.notNullable(name, ArrowType.Utf8.INSTANCE);
    }

    private static Field integer(String name) {
        return Field.nullable(name, new ArrowType.Int(32, true));
    }

    private static Field smallint(String name) {
        return Field.nullable(name, new ArrowType.Int(16, true));
    }

    private static Field bit(String name) {
        return Field.nullable(name, ArrowType.Bool.INSTANCE);
    }

    @Override
    public void close() {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            // a type-info result set is still open; its memory goes with the connection's
        }
    }
}
