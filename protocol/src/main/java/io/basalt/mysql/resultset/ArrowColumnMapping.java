package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.CharacterSets;
import io.basalt.mysql.text.MysqlText;
import io.basalt.session.ColumnMetadata;
import java.util.Locale;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Describes an Arrow result field as a MySQL column: type code, collation, length, flags and
 * decimals, refined by the SQL details in the field's {@link ColumnMetadata} (declared type,
 * length, scale, keys). Clients pick their Java types from these, so they follow what MySQL sends
 * for the same declared column.
 */
public final class ArrowColumnMapping {
    /** Bytes per character of utf8mb4, by which MySQL multiplies declared character lengths. */
    private static final int UTF8MB4_MAX_BYTES = 4;
    private static final long MAX_LENGTH = 0xFFFF_FFFFL;
    private static final int MAX_FSP = 6;

    private ArrowColumnMapping() {}

    /** The column definition MySQL would send for {@code field}. */
    public static ColumnDefinition describe(Field field) {
        String sqlType = sqlType(field);
        int keyFlags = keyFlags(field);
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Bool:
                // TINYINT(1), as MySQL declares BOOLEAN. Unlike other numbers no BINARY flag: MySQL's
                // BOOLEAN table columns carry none, and Connector/J reads a binary TINYINT(1) as BIT
                // bytes instead of a Boolean.
                return column(field, MysqlType.TINY, CharacterSets.BINARY, 1, keyFlags | ColumnFlags.NUM, 0);
            case Int:
                return integer(field, (ArrowType.Int) type, keyFlags);
            case FloatingPoint:
                return floating(field, (ArrowType.FloatingPoint) type, keyFlags);
            case Decimal:
                return decimal(field, (ArrowType.Decimal) type, keyFlags);
            case Utf8:
            case LargeUtf8:
                return text(field, sqlType, type.getTypeID() == ArrowType.ArrowTypeID.LargeUtf8, keyFlags);
            case Binary:
            case LargeBinary:
            case FixedSizeBinary:
                return binary(field, sqlType, type, keyFlags);
            case Date:
                return temporal(field, MysqlType.DATE, 10, 0, keyFlags);
            case Timestamp: {
                int fsp = fsp(field);
                MysqlType code = "TIMESTAMP".equals(sqlType) ? MysqlType.TIMESTAMP : MysqlType.DATETIME;
                return temporal(field, code, 19 + fractionWidth(fsp), fsp, keyFlags);
            }
            case Time: {
                int fsp = fsp(field);
                return temporal(field, MysqlType.TIME, 10 + fractionWidth(fsp), fsp, keyFlags);
            }
            case Null:
                return column(field, MysqlType.NULL, CharacterSets.BINARY, 0, keyFlags | ColumnFlags.BINARY, 0);
            default:
                // Types MySQL has no counterpart for (lists, structs, intervals) travel as their text form.
                return column(field, MysqlType.VAR_STRING, CharacterSets.UTF8MB4_GENERAL_CI,
                        characters(field, 16_383), keyFlags, 0);
        }
    }

    /**
     * The definition MySQL sends for a {@code ?} placeholder in COM_STMT_PREPARE's answer: named
     * "?", from no table, typed as the statement expects the parameter.
     */
    public static ColumnDefinition describeParameter(Field field) {
        ColumnDefinition column = describe(field);
        return new ColumnDefinition("", "", "", "?", "", column.collation(), column.length(), column.type(),
                column.flags() & ~(ColumnFlags.PRIMARY_KEY | ColumnFlags.AUTO_INCREMENT), column.decimals());
    }

    /** Fractional-second digits of a temporal field: its declared scale, clamped to 0..6. */
    private static int fsp(Field field) {
        return Math.max(0, Math.min(MAX_FSP, ColumnMetadata.getInt(field, ColumnMetadata.SCALE, 0)));
    }

    private static ColumnDefinition integer(Field field, ArrowType.Int type, int keyFlags) {
        boolean unsigned = !type.getIsSigned() || "true".equalsIgnoreCase(ColumnMetadata.get(field, ColumnMetadata.UNSIGNED));
        MysqlType code;
        int width;
        switch (type.getBitWidth()) {
            case 8:
                code = MysqlType.TINY;
                width = unsigned ? 3 : 4;
                break;
            case 16:
                code = MysqlType.SHORT;
                width = unsigned ? 5 : 6;
                break;
            case 32:
                code = MysqlType.LONG;
                width = unsigned ? 10 : 11;
                break;
            default:
                code = MysqlType.LONGLONG;
                width = 20;
                break;
        }
        int flags = keyFlags | (unsigned ? ColumnFlags.UNSIGNED : 0);
        return numeric(field, code, ColumnMetadata.getInt(field, ColumnMetadata.LENGTH, width), flags, 0);
    }

    private static ColumnDefinition floating(Field field, ArrowType.FloatingPoint type, int keyFlags) {
        boolean isDouble = type.getPrecision() == FloatingPointPrecision.DOUBLE;
        int decimals = ColumnMetadata.getInt(field, ColumnMetadata.SCALE, MysqlText.DECIMALS_NOT_SPECIFIED);
        if (decimals < 0 || decimals > MysqlText.DECIMALS_NOT_SPECIFIED) {
            decimals = MysqlText.DECIMALS_NOT_SPECIFIED;
        }
        return numeric(field, isDouble ? MysqlType.DOUBLE : MysqlType.FLOAT, isDouble ? 22 : 12, keyFlags, decimals);
    }

    private static ColumnDefinition decimal(Field field, ArrowType.Decimal type, int keyFlags) {
        boolean unsigned = "true".equalsIgnoreCase(ColumnMetadata.get(field, ColumnMetadata.UNSIGNED));
        int scale = type.getScale();
        // my_decimal_precision_to_length: digits, the point, and the sign unless unsigned.
        int length = type.getPrecision() + (scale > 0 ? 1 : 0) + (unsigned ? 0 : 1);
        return numeric(field, MysqlType.NEWDECIMAL, length, keyFlags | (unsigned ? ColumnFlags.UNSIGNED : 0), scale);
    }

    private static ColumnDefinition text(Field field, String sqlType, boolean large, int keyFlags) {
        // TEXT types report the byte capacity of their family (clients tell TEXT from MEDIUMTEXT by
        // it); CHAR and VARCHAR report their declared characters times 4 bytes.
        long blobBytes;
        switch (sqlType) {
            case "TINYTEXT":
                blobBytes = 255;
                break;
            case "TEXT":
            case "STRING":
                blobBytes = 65_535;
                break;
            case "MEDIUMTEXT":
                blobBytes = 16_777_215;
                break;
            case "LONGTEXT":
                blobBytes = MAX_LENGTH;
                break;
            default:
                blobBytes = large && !"CHAR".equals(sqlType) && !"VARCHAR".equals(sqlType) ? MAX_LENGTH : -1;
                break;
        }
        if (blobBytes >= 0) {
            return column(field, MysqlType.BLOB, CharacterSets.UTF8MB4_GENERAL_CI, blobBytes, keyFlags | ColumnFlags.BLOB, 0);
        }
        boolean fixed = "CHAR".equals(sqlType);
        long bytes = Math.min(MAX_LENGTH, characters(field, fixed ? 1 : 16_383) * UTF8MB4_MAX_BYTES);
        return column(field, fixed ? MysqlType.STRING : MysqlType.VAR_STRING, CharacterSets.UTF8MB4_GENERAL_CI, bytes,
                keyFlags, 0);
    }

    private static ColumnDefinition binary(Field field, String sqlType, ArrowType type, int keyFlags) {
        MysqlType code;
        long defaultBytes;
        switch (sqlType) {
            case "BINARY":
                code = MysqlType.STRING;
                defaultBytes = 1;
                break;
            case "VARBINARY":
                code = MysqlType.VAR_STRING;
                defaultBytes = 65_535;
                break;
            case "TINYBLOB":
                code = MysqlType.BLOB;
                defaultBytes = 255;
                break;
            case "MEDIUMBLOB":
                code = MysqlType.BLOB;
                defaultBytes = 16_777_215;
                break;
            case "LONGBLOB":
                code = MysqlType.BLOB;
                defaultBytes = MAX_LENGTH;
                break;
            default:
                if (type instanceof ArrowType.FixedSizeBinary fixed) {
                    code = MysqlType.STRING;
                    defaultBytes = fixed.getByteWidth();
                } else {
                    code = MysqlType.BLOB;
                    defaultBytes = type.getTypeID() == ArrowType.ArrowTypeID.LargeBinary ? MAX_LENGTH : 65_535;
                }
                break;
        }
        int flags = keyFlags | ColumnFlags.BINARY | (code == MysqlType.BLOB ? ColumnFlags.BLOB : 0);
        long bytes = Math.min(MAX_LENGTH, characters(field, defaultBytes));
        return column(field, code, CharacterSets.BINARY, bytes, flags, 0);
    }

    private static ColumnDefinition numeric(Field field, MysqlType code, long length, int flags, int decimals) {
        return column(field, code, CharacterSets.BINARY, length, flags | ColumnFlags.NUM | ColumnFlags.BINARY, decimals);
    }

    private static ColumnDefinition temporal(Field field, MysqlType code, long length, int fsp, int flags) {
        return column(field, code, CharacterSets.BINARY, length, flags | ColumnFlags.BINARY, fsp);
    }

    private static ColumnDefinition column(Field field, MysqlType code, int collation, long length, int flags, int decimals) {
        String table = orEmpty(ColumnMetadata.get(field, ColumnMetadata.TABLE));
        String originalTable = ColumnMetadata.get(field, ColumnMetadata.ORIGINAL_TABLE);
        String originalName = ColumnMetadata.get(field, ColumnMetadata.ORIGINAL_NAME);
        if (!field.isNullable()) {
            flags |= ColumnFlags.NOT_NULL;
        }
        return new ColumnDefinition(
                orEmpty(ColumnMetadata.get(field, ColumnMetadata.SCHEMA)),
                table,
                originalTable == null ? table : originalTable,
                field.getName(),
                originalName == null ? field.getName() : originalName,
                collation,
                length,
                code,
                flags,
                decimals);
    }

    private static int keyFlags(Field field) {
        int flags = 0;
        if ("true".equalsIgnoreCase(ColumnMetadata.get(field, ColumnMetadata.PRIMARY_KEY))) {
            flags |= ColumnFlags.PRIMARY_KEY;
        }
        if ("true".equalsIgnoreCase(ColumnMetadata.get(field, ColumnMetadata.AUTO_INCREMENT))) {
            flags |= ColumnFlags.AUTO_INCREMENT;
        }
        return flags;
    }

    private static long characters(Field field, long fallback) {
        String declared = ColumnMetadata.get(field, ColumnMetadata.LENGTH);
        if (declared != null) {
            try {
                long length = Long.parseLong(declared);
                if (length >= 0) {
                    return length;
                }
            } catch (NumberFormatException e) {
                // fall through to the type's default
            }
        }
        return fallback;
    }

    private static int fractionWidth(int fsp) {
        return fsp > 0 ? fsp + 1 : 0;
    }

    private static String sqlType(Field field) {
        String declared = ColumnMetadata.get(field, ColumnMetadata.SQL_TYPE);
        if (declared == null) {
            return "";
        }
        // Tolerate a declared form such as "VARCHAR(20)" or "INT UNSIGNED": the name is what counts.
        String name = declared.trim().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < name.length() && Character.isLetter(name.charAt(end))) {
            end++;
        }
        return name.substring(0, end);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
