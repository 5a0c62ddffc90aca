package io.basalt.server.sql.parser;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Target types of CAST(x AS type) and CONVERT(x, type), in MySQL's spelling. */
final class CastTypes {
    private CastTypes() {}

    static SqlDataTypeSpec parse(TokenCursor in) {
        SqlParserPos p = in.pos();
        String name = in.anyIdentifier().toUpperCase(Locale.ROOT);
        SqlBasicTypeNameSpec spec = switch (name) {
            case "SIGNED", "UNSIGNED" -> {
                if (!in.acceptWord("INTEGER")) {
                    in.acceptWord("INT");
                }
                yield new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, p);
            }
            case "INTEGER", "INT", "BIGINT" -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, p);
            case "TINYINT" -> new SqlBasicTypeNameSpec(SqlTypeName.TINYINT, p);
            case "SMALLINT" -> new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, p);
            case "CHAR", "NCHAR", "VARCHAR", "CHARACTER", "STRING", "TEXT" -> {
                int length = optionalLength(in);
                if (in.acceptWords("CHARACTER", "SET") || in.acceptWord("CHARSET")) {
                    in.identifierOrString();
                }
                yield length < 0 ? new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, p)
                        : new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, length, p);
            }
            case "DATE" -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, p);
            case "DATETIME", "TIMESTAMP" -> {
                int fsp = optionalLength(in);
                yield new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, Math.max(0, fsp), p);
            }
            case "TIME" -> {
                int fsp = optionalLength(in);
                yield new SqlBasicTypeNameSpec(SqlTypeName.TIME, Math.max(0, fsp), p);
            }
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> {
                int precision = 10;
                int scale = 0;
                if (in.acceptSymbol("(")) {
                    precision = (int) in.integer();
                    if (in.acceptSymbol(",")) {
                        scale = (int) in.integer();
                    }
                    in.expectSymbol(")");
                }
                io.basalt.server.sql.type.SqlType.decimal(precision, scale);
                yield new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, precision, scale, p);
            }
            case "DOUBLE" -> {
                in.acceptWord("PRECISION");
                yield new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, p);
            }
            case "REAL" -> new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, p);
            case "FLOAT" -> {
                int precision = optionalLength(in);
                yield new SqlBasicTypeNameSpec(precision > 24 ? SqlTypeName.DOUBLE : SqlTypeName.REAL, p);
            }
            case "BINARY", "VARBINARY", "BLOB" -> {
                int length = optionalLength(in);
                yield length < 0 ? new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, p)
                        : new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, length, p);
            }
            case "BOOLEAN", "BOOL" -> new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, p);
            default -> throw in.error(in.previous());
        };
        return new SqlDataTypeSpec(spec, p);
    }

    private static int optionalLength(TokenCursor in) {
        if (in.acceptSymbol("(")) {
            int n = (int) in.integer();
            in.expectSymbol(")");
            return n;
        }
        return -1;
    }
}
