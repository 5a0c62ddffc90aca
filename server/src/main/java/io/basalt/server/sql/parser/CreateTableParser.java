package io.basalt.server.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.sql.ast.ColumnDefinition;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.ast.TableDefinition;
import io.basalt.server.sql.ast.TableDefinition.IndexDefinition;
import io.basalt.server.sql.lexer.TokenType;
import io.basalt.server.sql.type.SqlType;
import io.basalt.server.sql.type.SqlType.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE TABLE in both dialects Basalt accepts: plain MySQL (keys and indexes inside the column
 * list, table options after it) and StarRocks (key model, PARTITION BY, DISTRIBUTED BY and
 * PROPERTIES after the column list).
 */
final class CreateTableParser {
    private final TokenCursor in;
    private final QueryParser queries;
    private final StatementParser statements;

    CreateTableParser(TokenCursor in, QueryParser queries, StatementParser statements) {
        this.in = in;
        this.queries = queries;
        this.statements = statements;
    }

    /** After CREATE TABLE. */
    Statement parse() {
        boolean ifNotExists = in.acceptWords("IF", "NOT", "EXISTS");
        ObjectName name = statements.objectName();
        if (in.acceptWord("LIKE")) {
            return new Statement.CreateTable(emptyDefinition(name), ifNotExists, null, null, statements.objectName());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<IndexDefinition> indexes = new ArrayList<>();
        if (in.isSymbol("(") && !queries.startsQuery()) {
            in.expectSymbol("(");
            do {
                if (!tableConstraint(primaryKey, indexes)) {
                    ColumnDefinition c = columnDefinition();
                    columns.add(c);
                }
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        String keysType = null;
        List<String> keyColumns = primaryKey;
        List<String> distribution = List.of();
        int buckets = 0;
        String partitionColumn = null;
        SqlNode asQuery = null;
        String asQueryText = null;
        while (!in.atEnd()) {
            if (in.isWord("DUPLICATE") || in.isWord("PRIMARY") || in.isWord("UNIQUE") || in.isWord("AGGREGATE")) {
                keysType = in.next().text().toUpperCase(Locale.ROOT);
                in.expectWord("KEY");
                if (keysType.equals("AGGREGATE")) {
                    throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                            "This version of Basalt doesn't yet support 'AGGREGATE KEY tables'");
                }
                keyColumns = identifiers();
            } else if (in.acceptWord("ENGINE")) {
                in.acceptSymbol("=");
                properties.put("engine", in.identifierOrString());
            } else if (in.acceptWord("COMMENT")) {
                in.acceptSymbol("=");
                properties.put("comment", in.string());
            } else if (in.acceptWord("DEFAULT") || in.isWord("CHARSET") || in.isWord("CHARACTER") || in.isWord("COLLATE")) {
                if (in.acceptWord("CHARSET") || in.acceptWords("CHARACTER", "SET")) {
                    in.acceptSymbol("=");
                    properties.put("charset", in.identifierOrString());
                } else if (in.acceptWord("COLLATE")) {
                    in.acceptSymbol("=");
                    properties.put("collate", in.identifierOrString());
                } else {
                    throw in.error();
                }
            } else if (in.acceptWord("AUTO_INCREMENT")) {
                in.acceptSymbol("=");
                properties.put("auto_increment", Long.toString(in.integer()));
            } else if (in.isWord("ROW_FORMAT") || in.isWord("KEY_BLOCK_SIZE") || in.isWord("STATS_PERSISTENT")
                    || in.isWord("AVG_ROW_LENGTH") || in.isWord("CHECKSUM") || in.isWord("PACK_KEYS")) {
                in.next();
                in.acceptSymbol("=");
                in.next();
            } else if (in.acceptWord("PARTITION")) {
                in.expectWord("BY");
                in.expectWord("RANGE");
                in.expectSymbol("(");
                partitionColumn = in.anyIdentifier();
                in.expectSymbol(")");
                properties.put("partition", skipBalancedParentheses());
            } else if (in.acceptWord("DISTRIBUTED")) {
                in.expectWord("BY");
                if (in.acceptWord("HASH")) {
                    distribution = identifiers();
                } else {
                    in.expectWord("RANDOM");
                }
                if (in.acceptWord("BUCKETS")) {
                    buckets = (int) in.integer();
                    if (buckets <= 0) {
                        throw in.error(in.previous());
                    }
                }
            } else if (in.acceptWords("ORDER", "BY")) {
                properties.put("order_by", String.join(",", identifiers()));
            } else if (in.acceptWord("PROPERTIES")) {
                properties.putAll(statements.properties());
            } else if (in.acceptWord("AS") || queries.startsQuery()) {
                int start = in.mark();
                asQuery = queries.parseQuery();
                asQueryText = in.textSince(start);
            } else {
                in.acceptSymbol(",");
                if (in.atEnd()) {
                    break;
                }
                throw in.error();
            }
        }
        if (columns.isEmpty() && asQuery == null) {
            throw new BasaltException(ErrorCode.TABLE_MUST_HAVE_COLUMNS, "A table must have at least 1 column");
        }
        for (ColumnDefinition c : columns) {
            if (c.primaryKey()) {
                if (!primaryKey.isEmpty() && !primaryKey.contains(c.name())) {
                    throw new BasaltException(ErrorCode.MULTIPLE_PRIMARY_KEY, "Multiple primary key defined");
                }
                if (!primaryKey.contains(c.name())) {
                    primaryKey.add(c.name());
                }
            }
            if (c.unique()) {
                indexes.add(new IndexDefinition(c.name(), List.of(c.name()), true));
            }
        }
        if (keysType != null && !primaryKey.isEmpty() && keyColumns != primaryKey) {
            throw new BasaltException(ErrorCode.MULTIPLE_PRIMARY_KEY, "Multiple primary key defined");
        }
        TableDefinition def = new TableDefinition(name, columns, keysType, keyColumns, indexes, distribution, buckets,
                partitionColumn, properties);
        return new Statement.CreateTable(def, ifNotExists, asQuery, asQueryText, null);
    }

    private static TableDefinition emptyDefinition(ObjectName name) {
        return new TableDefinition(name, List.of(), null, List.of(), List.of(), List.of(), 0, null, Map.of());
    }

    private String skipBalancedParentheses() {
        if (!in.isSymbol("(")) {
            return "";
        }
        int start = in.mark();
        int depth = 0;
        do {
            if (in.isSymbol("(")) {
                depth++;
            } else if (in.isSymbol(")")) {
                depth--;
            }
            in.next();
        } while (depth > 0 && !in.atEnd());
        return in.textSince(start);
    }

    private List<String> identifiers() {
        in.expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(in.anyIdentifier());
            if (in.acceptSymbol("(")) {
                in.integer();
                in.expectSymbol(")");
            }
            if (!in.acceptWord("ASC")) {
                in.acceptWord("DESC");
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return names;
    }

    /** PRIMARY KEY (...), [UNIQUE] {INDEX|KEY} name (...), CONSTRAINT ...; false if none here. */
    private boolean tableConstraint(List<String> primaryKey, List<IndexDefinition> indexes) {
        int mark = in.mark();
        String constraintName = null;
        if (in.acceptWord("CONSTRAINT")) {
            if (in.isIdentifier() && !in.isWord("PRIMARY") && !in.isWord("UNIQUE") && !in.isWord("FOREIGN")
                    && !in.isWord("CHECK")) {
                constraintName = in.identifier();
            }
        }
        if (in.acceptWords("PRIMARY", "KEY")) {
            if (in.acceptWord("USING")) {
                in.anyIdentifier();
            }
            List<String> cols = identifiers();
            if (!primaryKey.isEmpty()) {
                throw new BasaltException(ErrorCode.MULTIPLE_PRIMARY_KEY, "Multiple primary key defined");
            }
            primaryKey.addAll(cols);
            statements.skipIndexOptions();
            return true;
        }
        if (in.isWord("UNIQUE") || in.isWord("INDEX") || in.isWord("KEY") || in.isWord("FULLTEXT")) {
            if (in.isWord("KEY") || in.isWord("INDEX")) {
                // A column may be named key/index only when quoted; unquoted here is always a clause.
            }
            boolean unique = in.acceptWord("UNIQUE");
            in.acceptWord("FULLTEXT");
            if (!in.acceptWord("INDEX")) {
                in.acceptWord("KEY");
            }
            String name = constraintName;
            if (in.isIdentifier()) {
                name = in.identifier();
            }
            if (in.acceptWord("USING")) {
                in.anyIdentifier();
            }
            List<String> cols = identifiers();
            statements.skipIndexOptions();
            indexes.add(new IndexDefinition(name == null ? cols.get(0) : name, cols, unique));
            return true;
        }
        if (in.isWord("FOREIGN") || in.isWord("CHECK")) {
            throw new BasaltException(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support '"
                    + in.peek().text().toUpperCase(Locale.ROOT) + " constraints'");
        }
        in.reset(mark);
        return false;
    }

    /** name type [attributes...]. */
    ColumnDefinition columnDefinition() {
        String name = in.anyIdentifier();
        SqlType type = dataType();
        boolean nullable = true;
        boolean explicitNull = false;
        SqlNode defaultValue = null;
        boolean autoIncrement = false;
        boolean primaryKey = false;
        boolean unique = false;
        String comment = null;
        while (true) {
            if (in.acceptWords("NOT", "NULL")) {
                nullable = false;
            } else if (in.acceptWord("NULL")) {
                explicitNull = true;
            } else if (in.acceptWord("DEFAULT")) {
                defaultValue = defaultValue();
            } else if (in.acceptWord("AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (in.acceptWords("PRIMARY", "KEY")) {
                primaryKey = true;
            } else if (in.acceptWord("UNIQUE")) {
                in.acceptWord("KEY");
                unique = true;
            } else if (in.acceptWord("KEY")) {
                primaryKey = true;
            } else if (in.acceptWord("COMMENT")) {
                comment = in.string();
            } else if (in.acceptWord("COLLATE")) {
                in.identifierOrString();
            } else if (in.acceptWords("CHARACTER", "SET") || in.acceptWord("CHARSET")) {
                in.identifierOrString();
            } else if (in.acceptWords("ON", "UPDATE")) {
                defaultValueOnUpdate();
            } else if (in.acceptWord("COLUMN_FORMAT") || in.acceptWord("STORAGE")) {
                in.anyIdentifier();
            } else if (in.acceptWord("VISIBLE") || in.acceptWord("INVISIBLE")) {
                continue;
            } else if (in.isWord("REFERENCES") || in.isWord("CHECK") || in.isWord("GENERATED") || in.isWord("AS")) {
                throw new BasaltException(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support '"
                        + in.peek().text().toUpperCase(Locale.ROOT) + " in column definitions'");
            } else {
                break;
            }
        }
        if (primaryKey) {
            if (explicitNull) {
                throw new BasaltException(ErrorCode.INVALID_DEFAULT,
                        "All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead");
            }
            nullable = false;
        }
        return new ColumnDefinition(name, type, nullable, defaultValue, autoIncrement, primaryKey, unique, comment);
    }

    private SqlNode defaultValue() {
        ExpressionParser e = queries.expressions();
        if (in.isSymbol("(")) {
            return e.primary();
        }
        if (in.isSymbol("-") || in.isSymbol("+")) {
            return e.expression();
        }
        return e.primary();
    }

    private void defaultValueOnUpdate() {
        // ON UPDATE CURRENT_TIMESTAMP[(n)] is accepted: Basalt keeps no per-row update triggers yet.
        throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support 'ON UPDATE CURRENT_TIMESTAMP'");
    }

    /** A column type in MySQL or StarRocks spelling. */
    SqlType dataType() {
        String word = in.anyIdentifier().toUpperCase(Locale.ROOT);
        SqlType t = switch (word) {
            case "BOOLEAN", "BOOL" -> SqlType.of(Kind.BOOLEAN);
            case "TINYINT" -> integer(Kind.TINYINT);
            case "SMALLINT" -> integer(Kind.SMALLINT);
            case "MEDIUMINT", "INT", "INTEGER" -> integer(Kind.INT);
            case "BIGINT" -> integer(Kind.BIGINT);
            case "LARGEINT" -> SqlType.decimal(38, 0);
            case "FLOAT" -> {
                int[] ps = precisionScale();
                yield SqlType.of(ps != null && ps[0] > 24 ? Kind.DOUBLE : Kind.FLOAT);
            }
            case "DOUBLE", "REAL" -> {
                in.acceptWord("PRECISION");
                precisionScale();
                yield SqlType.of(Kind.DOUBLE);
            }
            case "DECIMAL", "DEC", "NUMERIC", "FIXED", "DECIMALV2", "DECIMALV3", "DECIMAL32", "DECIMAL64", "DECIMAL128" -> {
                int[] ps = precisionScale();
                int precision = ps == null ? 10 : ps[0];
                int scale = ps == null || ps.length < 2 ? 0 : ps[1];
                if (precision == 0) {
                    precision = 10;
                }
                yield SqlType.decimal(precision, scale);
            }
            case "CHAR", "CHARACTER", "NCHAR" -> {
                in.acceptWord("VARYING");
                int[] ps = precisionScale();
                yield new SqlType(Kind.CHAR, ps == null ? 1 : ps[0], 0, false);
            }
            case "VARCHAR", "NVARCHAR" -> {
                int[] ps = precisionScale();
                int length = ps == null ? 65533 : ps[0];
                if (length > SqlType.MAX_VARCHAR_LENGTH) {
                    throw BasaltException.of(ErrorCode.TOO_BIG_FIELD_LENGTH,
                            "Column length too big for column '%s' (max = %d); use BLOB or TEXT instead", word,
                            SqlType.MAX_VARCHAR_LENGTH);
                }
                yield SqlType.varchar(length);
            }
            case "STRING", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT" -> SqlType.of(Kind.TEXT);
            case "DATE" -> SqlType.of(Kind.DATE);
            case "DATETIME" -> new SqlType(Kind.DATETIME, fsp(), 0, false);
            case "TIMESTAMP" -> new SqlType(Kind.TIMESTAMP, fsp(), 0, false);
            case "TIME" -> new SqlType(Kind.TIME, fsp(), 0, false);
            case "YEAR" -> {
                precisionScale();
                yield SqlType.of(Kind.SMALLINT);
            }
            case "BINARY", "VARBINARY" -> {
                int[] ps = precisionScale();
                yield new SqlType(Kind.VARBINARY, ps == null ? 255 : ps[0], 0, false);
            }
            case "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB" -> SqlType.of(Kind.BLOB);
            default -> throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support the column type '" + word + "'");
        };
        // MySQL attributes that follow the type name.
        while (true) {
            if (in.acceptWord("UNSIGNED")) {
                if (t.isInteger() || t.kind() == Kind.DECIMAL) {
                    t = new SqlType(t.kind(), t.length(), t.scale(), true);
                }
            } else if (in.acceptWord("SIGNED") || in.acceptWord("ZEROFILL")) {
                continue;
            } else if (in.acceptWord("BINARY")) {
                continue;
            } else {
                break;
            }
        }
        return t;
    }

    private SqlType integer(Kind kind) {
        int[] ps = precisionScale();
        if (kind == Kind.TINYINT && ps != null && ps[0] == 1) {
            return SqlType.of(Kind.BOOLEAN);
        }
        return new SqlType(kind, ps == null ? 0 : ps[0], 0, false);
    }

    private int fsp() {
        int[] ps = precisionScale();
        int f = ps == null ? 0 : ps[0];
        if (f > 6) {
            throw BasaltException.of(ErrorCode.TOO_BIG_PRECISION,
                    "Too-big precision %d specified. Maximum is 6.", f);
        }
        return f;
    }

    private int[] precisionScale() {
        if (!in.isSymbol("(")) {
            return null;
        }
        in.next();
        if (in.peek().type() != TokenType.INTEGER) {
            throw in.error();
        }
        int a = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(in.next().text()));
        if (in.acceptSymbol(",")) {
            int b = (int) in.integer();
            in.expectSymbol(")");
            return new int[] {a, b};
        }
        in.expectSymbol(")");
        return new int[] {a};
    }
}
