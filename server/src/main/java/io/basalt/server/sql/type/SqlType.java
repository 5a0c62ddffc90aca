package io.basalt.server.sql.type;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.Locale;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column type as declared in DDL: the kind plus length/precision and scale. Immutable; knows its
 * Arrow storage type, its Calcite type and how SHOW CREATE TABLE spells it.
 *
 * @param kind the type family
 * @param length characters for CHAR/VARCHAR, precision for DECIMAL, fractional-second digits for
 *     DATETIME/TIMESTAMP/TIME, display width for integers (0 when not given)
 * @param scale DECIMAL scale, else 0
 * @param unsigned UNSIGNED integer or decimal
 */
public record SqlType(Kind kind, int length, int scale, boolean unsigned) {
    /** Largest DECIMAL precision, as in MySQL. */
    public static final int MAX_DECIMAL_PRECISION = 65;
    /** Largest DECIMAL scale, as in MySQL. */
    public static final int MAX_DECIMAL_SCALE = 30;
    /** Longest VARCHAR in characters. */
    public static final int MAX_VARCHAR_LENGTH = 1_048_576;
    /** Length recorded for TEXT/STRING columns (bytes in MySQL's LONGTEXT sense). */
    public static final int TEXT_LENGTH = 65_535;

    /** Type families Basalt stores. */
    public enum Kind {
        BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, TEXT, DATE, DATETIME,
        TIMESTAMP, TIME, VARBINARY, BLOB
    }

    public SqlType {
        requireNonNull(kind, "kind");
    }

    public static SqlType of(Kind kind) {
        return new SqlType(kind, 0, 0, false);
    }

    public static SqlType varchar(int length) {
        return new SqlType(Kind.VARCHAR, length, 0, false);
    }

    public static SqlType decimal(int precision, int scale) {
        if (precision > MAX_DECIMAL_PRECISION) {
            throw BasaltException.of(ErrorCode.TOO_BIG_PRECISION,
                    "Too-big precision %d specified. Maximum is %d.", precision, MAX_DECIMAL_PRECISION);
        }
        if (scale > MAX_DECIMAL_SCALE) {
            throw BasaltException.of(ErrorCode.TOO_BIG_SCALE,
                    "Too big scale %d specified. Maximum is %d.", scale, MAX_DECIMAL_SCALE);
        }
        if (scale > precision) {
            throw BasaltException.of(ErrorCode.SCALE_BIGGER_THAN_PRECISION,
                    "For float(M,D), double(M,D) or decimal(M,D), M must be >= D.");
        }
        return new SqlType(Kind.DECIMAL, precision, scale, false);
    }

    /** True for the integer kinds (not BOOLEAN). */
    public boolean isInteger() {
        return switch (kind) {
            case TINYINT, SMALLINT, INT, BIGINT -> true;
            default -> false;
        };
    }

    /** True for CHAR, VARCHAR and TEXT. */
    public boolean isString() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.TEXT;
    }

    /** True for DATE, DATETIME, TIMESTAMP and TIME. */
    public boolean isTemporal() {
        return kind == Kind.DATE || kind == Kind.DATETIME || kind == Kind.TIMESTAMP || kind == Kind.TIME;
    }

    /** Maximum characters a string column holds, or -1 when unbounded for practical purposes. */
    public int maxChars() {
        return switch (kind) {
            case CHAR, VARCHAR -> length;
            default -> -1;
        };
    }

    /** The Arrow type this column is stored and transported as. */
    public ArrowType arrowType() {
        return switch (kind) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            // Unsigned values need the next wider signed type; unsigned BIGINT needs a decimal.
            case TINYINT -> new ArrowType.Int(unsigned ? 16 : 8, true);
            case SMALLINT -> new ArrowType.Int(unsigned ? 32 : 16, true);
            case INT -> new ArrowType.Int(unsigned ? 64 : 32, true);
            case BIGINT -> unsigned ? new ArrowType.Decimal(20, 0, 128) : new ArrowType.Int(64, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> new ArrowType.Decimal(length, scale, length > 38 ? 256 : 128);
            case CHAR, VARCHAR, TEXT -> ArrowType.Utf8.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case DATETIME, TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case VARBINARY, BLOB -> ArrowType.Binary.INSTANCE;
        };
    }

    /** The Calcite type used for validation and planning. */
    public RelDataType relType(RelDataTypeFactory f, boolean nullable) {
        RelDataType t = switch (kind) {
            case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> f.createSqlType(unsigned ? SqlTypeName.SMALLINT : SqlTypeName.TINYINT);
            case SMALLINT -> f.createSqlType(unsigned ? SqlTypeName.INTEGER : SqlTypeName.SMALLINT);
            case INT -> f.createSqlType(unsigned ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
            case BIGINT -> unsigned ? f.createSqlType(SqlTypeName.DECIMAL, 20, 0) : f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> f.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, length, scale);
            case CHAR -> f.createSqlType(SqlTypeName.CHAR, length);
            case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR, length);
            case TEXT -> f.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> f.createSqlType(SqlTypeName.DATE);
            case DATETIME, TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, length);
            case TIME -> f.createSqlType(SqlTypeName.TIME, length);
            case VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY, length > 0 ? length : MAX_VARCHAR_LENGTH);
            case BLOB -> f.createSqlType(SqlTypeName.VARBINARY);
        };
        return f.createTypeWithNullability(t, nullable);
    }

    /** The upper-case type name put in result metadata ({@code ColumnMetadata.SQL_TYPE}). */
    public String metadataName() {
        return kind.name();
    }

    /** How SHOW CREATE TABLE and DESCRIBE spell this type, MySQL style (lower case). */
    public String sqlText() {
        String base = switch (kind) {
            case BOOLEAN -> "tinyint(1)";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INT -> "int";
            case BIGINT -> "bigint";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + length + "," + scale + ")";
            case CHAR -> "char(" + length + ")";
            case VARCHAR -> "varchar(" + length + ")";
            case TEXT -> "text";
            case DATE -> "date";
            case DATETIME -> length > 0 ? "datetime(" + length + ")" : "datetime";
            case TIMESTAMP -> length > 0 ? "timestamp(" + length + ")" : "timestamp";
            case TIME -> length > 0 ? "time(" + length + ")" : "time";
            case VARBINARY -> "varbinary(" + length + ")";
            case BLOB -> "blob";
        };
        return unsigned && (isInteger() || kind == Kind.DECIMAL) ? base + " unsigned" : base;
    }

    /** Display width reported as the MySQL column length. */
    public int displayLength() {
        return switch (kind) {
            case BOOLEAN -> 1;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INT -> 11;
            case BIGINT -> 20;
            case FLOAT -> 12;
            case DOUBLE -> 22;
            case DECIMAL -> length + (scale > 0 ? 2 : 1);
            case CHAR, VARCHAR -> length;
            case TEXT -> TEXT_LENGTH;
            case DATE -> 10;
            case DATETIME, TIMESTAMP -> 19 + (length > 0 ? length + 1 : 0);
            case TIME -> 10 + (length > 0 ? length + 1 : 0);
            case VARBINARY -> length;
            case BLOB -> TEXT_LENGTH;
        };
    }

    @Override
    public String toString() {
        return sqlText().toUpperCase(Locale.ROOT);
    }
}
