package io.basalt.server.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.sql.ast.AlterAction;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.ast.Statement.Assignment;
import io.basalt.server.sql.ast.Statement.ShowKind;
import io.basalt.server.sql.ast.Statement.TransactionAction;
import io.basalt.server.sql.ast.Statement.VariableAssignment;
import io.basalt.server.sql.ast.Statement.VariableScope;
import io.basalt.server.sql.lexer.Token;
import io.basalt.server.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Dispatches on the first words of a statement and parses everything that is not a query. */
final class StatementParser {
    private final TokenCursor in;
    private final QueryParser queries;
    private final ExpressionParser expr;

    StatementParser(TokenCursor in) {
        this.in = in;
        this.queries = new QueryParser(in);
        this.expr = queries.expressions();
    }

    int parameterCount() {
        return expr.parameterCount();
    }

    Statement statement() {
        Token first = in.peek();
        if (first.isSymbol("(") || first.isWord("SELECT") || first.isWord("WITH") || first.isWord("VALUES")
                || first.isWord("TABLE")) {
            SqlNode q = queries.parseQuery();
            return new Statement.Query(q, in.sql(), queries.calcFoundRows());
        }
        if (first.type() != TokenType.WORD) {
            throw in.error();
        }
        String word = first.text().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "EXPLAIN", "DESCRIBE", "DESC" -> explainOrDescribe();
            case "CREATE" -> create();
            case "DROP" -> drop();
            case "ALTER" -> alter();
            case "TRUNCATE" -> truncate();
            case "INSERT", "REPLACE" -> insert();
            case "UPDATE" -> update();
            case "DELETE" -> delete();
            case "SHOW" -> show();
            case "SET" -> set();
            case "USE" -> {
                in.next();
                yield new Statement.Use(in.identifier());
            }
            case "BEGIN" -> {
                in.next();
                in.acceptWord("WORK");
                yield new Statement.Transaction(TransactionAction.BEGIN);
            }
            case "START" -> {
                in.next();
                in.expectWord("TRANSACTION");
                while (in.acceptWords("WITH", "CONSISTENT", "SNAPSHOT") || in.acceptWords("READ", "ONLY")
                        || in.acceptWords("READ", "WRITE") || in.acceptSymbol(",")) {
                    // characteristics are accepted; see the transaction handler for their meaning
                }
                yield new Statement.Transaction(TransactionAction.BEGIN);
            }
            case "COMMIT" -> {
                in.next();
                in.acceptWord("WORK");
                yield new Statement.Transaction(TransactionAction.COMMIT);
            }
            case "ROLLBACK" -> {
                in.next();
                in.acceptWord("WORK");
                yield new Statement.Transaction(TransactionAction.ROLLBACK);
            }
            case "KILL" -> kill();
            case "GRANT", "REVOKE" -> grant();
            case "ADMIN" -> admin();
            case "LOCK" -> {
                in.next();
                if (!in.acceptWord("TABLES")) {
                    in.expectWord("TABLE");
                }
                skipToEnd();
                yield new Statement.LockTables(true);
            }
            case "UNLOCK" -> {
                in.next();
                if (!in.acceptWord("TABLES")) {
                    in.expectWord("TABLE");
                }
                yield new Statement.LockTables(false);
            }
            case "FLUSH" -> {
                in.next();
                String what = in.rest();
                skipToEnd();
                yield new Statement.NoOp("FLUSH " + what);
            }
            default -> throw in.error();
        };
    }

    private void skipToEnd() {
        while (!in.atEnd()) {
            in.next();
        }
    }

    // ---- EXPLAIN / DESCRIBE ----------------------------------------------------------------

    private Statement explainOrDescribe() {
        in.next();
        String format = "TEXT";
        if (in.acceptWord("FORMAT")) {
            in.expectSymbol("=");
            format = in.anyIdentifier().toUpperCase(Locale.ROOT);
        } else if (in.acceptWord("EXTENDED") || in.acceptWord("PARTITIONS")) {
            format = "TEXT";
        } else if (in.acceptWord("VERBOSE") || in.acceptWord("COSTS") || in.acceptWord("LOGICAL")) {
            format = "TEXT";
        }
        Token t = in.peek();
        if (t.isSymbol("(") || t.isWord("SELECT") || t.isWord("WITH") || t.isWord("INSERT") || t.isWord("UPDATE")
                || t.isWord("DELETE") || t.isWord("REPLACE") || t.isWord("VALUES")) {
            return new Statement.Explain(statement(), format);
        }
        // DESCRIBE table [column]
        ObjectName table = objectName();
        String like = null;
        if (!in.atEnd()) {
            like = in.peek().type() == TokenType.STRING ? in.string() : in.anyIdentifier();
        }
        return new Statement.Show(ShowKind.COLUMNS, false, false, table, null, like, null, null);
    }

    // ---- names -----------------------------------------------------------------------------

    ObjectName objectName() {
        String first = in.identifier();
        if (in.acceptSymbol(".")) {
            return new ObjectName(first, in.anyIdentifier());
        }
        return new ObjectName(null, first);
    }

    private List<ObjectName> objectNames() {
        List<ObjectName> names = new ArrayList<>();
        do {
            names.add(objectName());
        } while (in.acceptSymbol(","));
        return names;
    }

    private List<String> parenthesizedIdentifiers() {
        in.expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(in.anyIdentifier());
            // index column prefix length and direction: col(10) ASC
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

    private boolean ifNotExists() {
        return in.acceptWords("IF", "NOT", "EXISTS");
    }

    private boolean ifExists() {
        return in.acceptWords("IF", "EXISTS");
    }

    // ---- CREATE / DROP / ALTER -------------------------------------------------------------

    private Statement create() {
        in.expectWord("CREATE");
        if (in.acceptWord("USER")) {
            boolean ine = ifNotExists();
            List<Statement.UserName> users = new ArrayList<>();
            List<String> passwords = new ArrayList<>();
            do {
                users.add(userName());
                passwords.add(identifiedBy());
            } while (in.acceptSymbol(","));
            skipAccountOptions();
            return new Statement.CreateUser(users, passwords, ine);
        }
        boolean orReplace = in.acceptWords("OR", "REPLACE");
        if (in.acceptWord("DATABASE") || in.acceptWord("SCHEMA")) {
            boolean ine = ifNotExists();
            String name = in.identifier();
            Map<String, String> props = new LinkedHashMap<>();
            while (!in.atEnd()) {
                in.acceptWord("DEFAULT");
                if (in.acceptWords("CHARACTER", "SET") || in.acceptWord("CHARSET")) {
                    in.acceptSymbol("=");
                    props.put("charset", in.identifierOrString());
                } else if (in.acceptWord("COLLATE")) {
                    in.acceptSymbol("=");
                    props.put("collate", in.identifierOrString());
                } else if (in.acceptWord("ENCRYPTION")) {
                    in.acceptSymbol("=");
                    in.string();
                } else if (in.acceptWord("PROPERTIES")) {
                    props.putAll(properties());
                } else {
                    throw in.error();
                }
            }
            return new Statement.CreateDatabase(name, ine, props);
        }
        if (in.isWord("TABLE") || in.isWord("TEMPORARY") || in.isWord("EXTERNAL")) {
            if (in.acceptWord("TEMPORARY") || in.acceptWord("EXTERNAL")) {
                throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                        "This version of Basalt doesn't yet support 'CREATE " + in.previous().text().toUpperCase(Locale.ROOT) + " TABLE'");
            }
            in.expectWord("TABLE");
            return new CreateTableParser(in, queries, this).parse();
        }
        // CREATE [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW
        while (in.isWord("ALGORITHM") || in.isWord("DEFINER") || in.isWord("SQL")) {
            if (in.acceptWord("SQL")) {
                in.expectWord("SECURITY");
                in.anyIdentifier();
            } else {
                in.next();
                in.expectSymbol("=");
                in.identifierOrString();
                if (in.peek().type() == TokenType.USER_VARIABLE) {
                    in.next();
                }
            }
        }
        if (in.acceptWord("VIEW")) {
            boolean ine = ifNotExists();
            ObjectName name = objectName();
            List<String> columns = List.of();
            if (in.isSymbol("(")) {
                columns = parenthesizedIdentifiers();
            }
            in.expectWord("AS");
            int start = in.mark();
            SqlNode q = queries.parseQuery();
            String text = in.textSince(start);
            if (in.acceptWord("WITH")) {
                if (!in.acceptWord("CASCADED")) {
                    in.acceptWord("LOCAL");
                }
                in.expectWords("CHECK", "OPTION");
            }
            return new Statement.CreateView(name, orReplace, ine, columns, q, text);
        }
        boolean unique = in.acceptWord("UNIQUE");
        in.acceptWord("FULLTEXT");
        if (in.acceptWord("INDEX")) {
            boolean ine = ifNotExists();
            String name = in.identifier();
            if (in.acceptWord("USING")) {
                in.anyIdentifier();
            }
            in.expectWord("ON");
            ObjectName table = objectName();
            List<String> columns = parenthesizedIdentifiers();
            skipIndexOptions();
            return new Statement.CreateIndex(name, table, columns, unique, ine);
        }
        throw in.error();
    }

    void skipIndexOptions() {
        while (true) {
            if (in.acceptWord("USING")) {
                in.anyIdentifier();
            } else if (in.acceptWord("COMMENT")) {
                in.string();
            } else if (in.acceptWord("KEY_BLOCK_SIZE")) {
                in.acceptSymbol("=");
                in.integer();
            } else if (in.acceptWord("VISIBLE") || in.acceptWord("INVISIBLE")) {
                continue;
            } else {
                return;
            }
        }
    }

    Map<String, String> properties() {
        Map<String, String> props = new LinkedHashMap<>();
        in.expectSymbol("(");
        if (!in.isSymbol(")")) {
            do {
                String k = in.identifierOrString();
                in.expectSymbol("=");
                String v = in.peek().type() == TokenType.STRING ? in.string() : in.next().text();
                props.put(k, v);
            } while (in.acceptSymbol(","));
        }
        in.expectSymbol(")");
        return props;
    }

    private Statement drop() {
        in.expectWord("DROP");
        if (in.acceptWord("USER")) {
            boolean ie = ifExists();
            List<Statement.UserName> users = new ArrayList<>();
            do {
                users.add(userName());
            } while (in.acceptSymbol(","));
            return new Statement.DropUser(users, ie);
        }
        if (in.acceptWord("DATABASE") || in.acceptWord("SCHEMA")) {
            boolean ie = ifExists();
            return new Statement.DropDatabase(in.identifier(), ie);
        }
        in.acceptWord("TEMPORARY");
        if (in.acceptWord("TABLE") || in.acceptWord("TABLES")) {
            boolean ie = ifExists();
            List<ObjectName> names = objectNames();
            if (!in.acceptWord("RESTRICT")) {
                if (!in.acceptWord("CASCADE")) {
                    in.acceptWord("FORCE");
                }
            }
            return new Statement.DropTable(names, ie);
        }
        if (in.acceptWord("VIEW")) {
            boolean ie = ifExists();
            List<ObjectName> names = objectNames();
            if (!in.acceptWord("RESTRICT")) {
                in.acceptWord("CASCADE");
            }
            return new Statement.DropView(names, ie);
        }
        if (in.acceptWord("INDEX")) {
            boolean ie = ifExists();
            String name = in.identifier();
            // MySQL requires ON table; without it (the SQLite/PostgreSQL form) the index is looked up by
            // name in the current database.
            ObjectName table = in.acceptWord("ON") ? objectName() : null;
            return new Statement.DropIndex(name, table, ie);
        }
        throw in.error();
    }

    private Statement alter() {
        in.expectWord("ALTER");
        if (in.acceptWord("USER")) {
            boolean ie = ifExists();
            List<Statement.UserName> users = new ArrayList<>();
            List<String> passwords = new ArrayList<>();
            do {
                users.add(in.isWord("USER") && in.peek(1).isSymbol("(") ? currentUser() : userName());
                passwords.add(identifiedBy());
            } while (in.acceptSymbol(","));
            skipAccountOptions();
            return new Statement.AlterUser(users, passwords, ie);
        }
        if (in.acceptWord("DATABASE") || in.acceptWord("SCHEMA")) {
            in.identifier();
            skipToEnd();
            return new Statement.NoOp("ALTER DATABASE");
        }
        if (in.acceptWord("SYSTEM")) {
            Statement.SystemAction action;
            if (in.acceptWord("ADD")) {
                in.expectWord("FOLLOWER");
                action = Statement.SystemAction.ADD_FOLLOWER;
            } else if (in.acceptWord("DROP")) {
                in.expectWord("FOLLOWER");
                action = Statement.SystemAction.DROP_FOLLOWER;
            } else {
                in.expectWord("TRANSFER");
                in.expectWord("LEADER");
                in.expectWord("TO");
                action = Statement.SystemAction.TRANSFER_LEADER;
            }
            return new Statement.AlterSystem(action, in.string());
        }
        in.expectWord("TABLE");
        ObjectName table = objectName();
        List<AlterAction> actions = new ArrayList<>();
        CreateTableParser columns = new CreateTableParser(in, queries, this);
        do {
            if (in.acceptWord("ADD")) {
                if (in.isWord("INDEX") || in.isWord("KEY") || in.isWord("UNIQUE")) {
                    boolean unique = in.acceptWord("UNIQUE");
                    if (!in.acceptWord("INDEX")) {
                        in.acceptWord("KEY");
                    }
                    String name = in.isIdentifier() ? in.identifier() : null;
                    List<String> cols = parenthesizedIdentifiers();
                    skipIndexOptions();
                    actions.add(new AlterAction.AddIndex(name == null ? cols.get(0) : name, cols, unique));
                    continue;
                }
                in.acceptWord("COLUMN");
                if (in.acceptSymbol("(")) {
                    do {
                        actions.add(new AlterAction.AddColumn(columns.columnDefinition(), false, null));
                    } while (in.acceptSymbol(","));
                    in.expectSymbol(")");
                    continue;
                }
                var def = columns.columnDefinition();
                boolean first = in.acceptWord("FIRST");
                String after = null;
                if (!first && in.acceptWord("AFTER")) {
                    after = in.anyIdentifier();
                }
                actions.add(new AlterAction.AddColumn(def, first, after));
            } else if (in.acceptWord("DROP")) {
                if (in.acceptWord("INDEX") || in.acceptWord("KEY")) {
                    actions.add(new AlterAction.DropIndex(in.anyIdentifier()));
                    continue;
                }
                in.acceptWord("COLUMN");
                boolean ie = ifExists();
                actions.add(new AlterAction.DropColumn(in.anyIdentifier(), ie));
            } else if (in.acceptWord("RENAME")) {
                if (!in.acceptWord("TO")) {
                    in.acceptWord("AS");
                }
                actions.add(new AlterAction.Rename(objectName()));
            } else if (in.isWord("DISABLE") || in.isWord("ENABLE")) {
                boolean enable = in.next().isWord("ENABLE");
                in.expectWord("KEYS");
                actions.add(new AlterAction.Keys(enable));
            } else {
                throw in.error();
            }
        } while (in.acceptSymbol(","));
        return new Statement.AlterTable(table, actions);
    }

    private Statement truncate() {
        in.expectWord("TRUNCATE");
        in.acceptWord("TABLE");
        return new Statement.Truncate(objectName());
    }

    // ---- DML --------------------------------------------------------------------------------

    private Statement insert() {
        boolean replace = in.next().isWord("REPLACE");
        boolean ignore = false;
        while (true) {
            if (in.acceptWord("LOW_PRIORITY") || in.acceptWord("DELAYED") || in.acceptWord("HIGH_PRIORITY")) {
                continue;
            }
            if (in.acceptWord("IGNORE")) {
                ignore = true;
                continue;
            }
            break;
        }
        if (!in.acceptWord("INTO")) {
            in.acceptWord("OVERWRITE");
        }
        ObjectName table = objectName();
        List<String> columns = null;
        List<List<SqlNode>> rows = null;
        SqlNode query = null;
        if (in.isSymbol("(") && !queries.startsQuery()) {
            in.expectSymbol("(");
            columns = new ArrayList<>();
            if (!in.isSymbol(")")) {
                do {
                    String c = in.anyIdentifier();
                    // tbl.col in the column list
                    if (in.acceptSymbol(".")) {
                        c = in.anyIdentifier();
                        if (in.acceptSymbol(".")) {
                            c = in.anyIdentifier();
                        }
                    }
                    columns.add(c);
                } while (in.acceptSymbol(","));
            }
            in.expectSymbol(")");
        }
        if (in.acceptWord("VALUES") || in.acceptWord("VALUE")) {
            rows = new ArrayList<>();
            do {
                in.acceptWord("ROW");
                in.expectSymbol("(");
                List<SqlNode> row = new ArrayList<>();
                if (!in.isSymbol(")")) {
                    do {
                        if (in.isWord("DEFAULT") && !in.peek(1).isSymbol("(")) {
                            in.next();
                            row.add(null);
                        } else {
                            row.add(expr.expression());
                        }
                    } while (in.acceptSymbol(","));
                }
                in.expectSymbol(")");
                rows.add(row);
            } while (in.acceptSymbol(","));
        } else if (in.acceptWord("SET")) {
            if (columns != null) {
                throw in.error();
            }
            columns = new ArrayList<>();
            List<SqlNode> row = new ArrayList<>();
            do {
                columns.add(columnName());
                if (!in.acceptSymbol("=")) {
                    in.expectSymbol(":=");
                }
                if (in.isWord("DEFAULT") && !in.peek(1).isSymbol("(")) {
                    in.next();
                    row.add(null);
                } else {
                    row.add(expr.expression());
                }
            } while (in.acceptSymbol(","));
            rows = new ArrayList<>();
            rows.add(row);
        } else {
            query = queries.parseQuery();
        }
        // MySQL 8.0.19's row alias: INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE c = new.c
        String rowAlias = null;
        if (rows != null && in.acceptWord("AS")) {
            rowAlias = in.identifier();
            if (in.isSymbol("(")) {
                throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                        "This version of Basalt doesn't yet support 'column aliases of an INSERT row alias'");
            }
        }
        List<Assignment> onDuplicate = List.of();
        if (in.acceptWords("ON", "DUPLICATE", "KEY", "UPDATE")) {
            onDuplicate = assignments();
            if (rowAlias != null) {
                onDuplicate = rowAliasAsValues(onDuplicate, rowAlias);
            }
        }
        return new Statement.Insert(table, columns, rows, query, replace, ignore, onDuplicate, in.sql());
    }

    private String columnName() {
        String c = in.anyIdentifier();
        while (in.acceptSymbol(".")) {
            c = in.anyIdentifier();
        }
        return c;
    }

    private List<Assignment> assignments() {
        List<Assignment> list = new ArrayList<>();
        do {
            String column = columnName();
            if (!in.acceptSymbol("=")) {
                in.expectSymbol(":=");
            }
            SqlNode value;
            if (in.isWord("DEFAULT") && !in.peek(1).isSymbol("(")) {
                in.next();
                value = null;
            } else {
                value = expr.expression();
            }
            list.add(new Assignment(column, value));
        } while (in.acceptSymbol(","));
        return list;
    }

    private Statement update() {
        in.expectWord("UPDATE");
        while (in.acceptWord("LOW_PRIORITY") || in.acceptWord("IGNORE")) {
            // accepted; errors still abort the statement
        }
        ObjectName table = objectName();
        String alias = tableAlias();
        if (in.isSymbol(",") || in.isWord("JOIN") || in.isWord("INNER") || in.isWord("LEFT")) {
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support 'multi-table UPDATE'");
        }
        in.expectWord("SET");
        List<Assignment> assignments = assignments();
        SqlNode where = in.acceptWord("WHERE") ? expr.condition() : null;
        SqlNode order = null;
        if (in.acceptWords("ORDER", "BY")) {
            order = expr.orderList();
        }
        SqlNode limit = null;
        if (in.acceptWord("LIMIT")) {
            limit = expr.primary();
        }
        return new Statement.Update(table, alias, assignments, where, order, limit, in.sql());
    }

    private String tableAlias() {
        if (in.acceptWord("AS")) {
            return in.identifier();
        }
        if (in.isIdentifier() && !in.isWord("SET")) {
            return in.identifier();
        }
        return null;
    }

    private Statement delete() {
        in.expectWord("DELETE");
        while (in.acceptWord("LOW_PRIORITY") || in.acceptWord("QUICK") || in.acceptWord("IGNORE")) {
            // accepted
        }
        in.expectWord("FROM");
        ObjectName table = objectName();
        String alias = null;
        if (in.acceptWord("AS")) {
            alias = in.identifier();
        } else if (in.isIdentifier() && !in.isWord("WHERE") && !in.isWord("USING")) {
            alias = in.identifier();
        }
        if (in.isSymbol(",") || in.isWord("USING")) {
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support 'multi-table DELETE'");
        }
        SqlNode where = in.acceptWord("WHERE") ? expr.condition() : null;
        SqlNode order = null;
        if (in.acceptWords("ORDER", "BY")) {
            order = expr.orderList();
        }
        SqlNode limit = null;
        if (in.acceptWord("LIMIT")) {
            limit = expr.primary();
        }
        return new Statement.Delete(table, alias, where, order, limit, in.sql());
    }

    // ---- SHOW -------------------------------------------------------------------------------

    private Statement show() {
        in.expectWord("SHOW");
        boolean full = in.acceptWord("FULL");
        boolean global = false;
        if (in.acceptWord("GLOBAL")) {
            global = true;
        } else if (!in.acceptWord("SESSION")) {
            in.acceptWord("LOCAL");
        }
        Token t = in.next();
        String w = t.type() == TokenType.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
        switch (w) {
            case "DATABASES", "SCHEMAS" -> {
                return showWithFilter(ShowKind.DATABASES, full, global, null, null);
            }
            case "TABLES" -> {
                String db = fromDatabase();
                return showWithFilter(ShowKind.TABLES, full, global, null, db);
            }
            case "COLUMNS", "FIELDS" -> {
                if (!in.acceptWord("FROM")) {
                    in.expectWord("IN");
                }
                ObjectName table = objectName();
                String db = fromDatabase();
                return showWithFilter(ShowKind.COLUMNS, full, global, table, db);
            }
            case "INDEX", "INDEXES", "KEYS" -> {
                if (!in.acceptWord("FROM")) {
                    in.expectWord("IN");
                }
                ObjectName table = objectName();
                String db = fromDatabase();
                return showWithFilter(ShowKind.INDEX, full, global, table, db);
            }
            case "CREATE" -> {
                Token k = in.next();
                if (k.isWord("TABLE")) {
                    return new Statement.Show(ShowKind.CREATE_TABLE, false, false, objectName(), null, null, null, null);
                }
                if (k.isWord("VIEW")) {
                    return new Statement.Show(ShowKind.CREATE_VIEW, false, false, objectName(), null, null, null, null);
                }
                if (k.isWord("USER")) {
                    Statement.UserName u = userName();
                    return new Statement.Show(ShowKind.CREATE_USER, false, false, null, null, null, null,
                            u.user() + "@" + u.host());
                }
                if (k.isWord("DATABASE") || k.isWord("SCHEMA")) {
                    ifNotExists();
                    return new Statement.Show(ShowKind.CREATE_DATABASE, false, false, null, in.identifier(), null, null, null);
                }
                throw in.error(k);
            }
            case "VARIABLES" -> {
                return showWithFilter(ShowKind.VARIABLES, full, global, null, null);
            }
            case "STATUS" -> {
                return showWithFilter(ShowKind.STATUS, full, global, null, null);
            }
            case "WARNINGS", "ERRORS" -> {
                String limit = null;
                if (in.acceptWord("LIMIT")) {
                    long a = in.integer();
                    if (in.acceptSymbol(",")) {
                        a = in.integer();
                    }
                    limit = Long.toString(a);
                }
                return new Statement.Show(w.equals("WARNINGS") ? ShowKind.WARNINGS : ShowKind.ERRORS, false, false,
                        null, null, null, null, limit);
            }
            case "COUNT" -> {
                in.expectSymbol("(");
                in.expectSymbol("*");
                in.expectSymbol(")");
                Token k = in.next();
                if (k.isWord("WARNINGS")) {
                    return new Statement.Show(ShowKind.COUNT_WARNINGS, false, false, null, null, null, null, null);
                }
                if (k.isWord("ERRORS")) {
                    return new Statement.Show(ShowKind.COUNT_ERRORS, false, false, null, null, null, null, null);
                }
                throw in.error(k);
            }
            case "TABLE" -> {
                in.expectWord("STATUS");
                String db = fromDatabase();
                return showWithFilter(ShowKind.TABLE_STATUS, full, global, null, db);
            }
            case "PROCESSLIST" -> {
                return new Statement.Show(ShowKind.PROCESSLIST, full, false, null, null, null, null, null);
            }
            case "STORAGE", "ENGINES" -> {
                if (w.equals("STORAGE")) {
                    in.expectWord("ENGINES");
                }
                return new Statement.Show(ShowKind.ENGINES, false, false, null, null, null, null, null);
            }
            case "CHARACTER", "CHARSET" -> {
                if (w.equals("CHARACTER")) {
                    in.expectWord("SET");
                }
                return showWithFilter(ShowKind.CHARSET, full, global, null, null);
            }
            case "COLLATION" -> {
                return showWithFilter(ShowKind.COLLATION, full, global, null, null);
            }
            case "PLUGINS" -> {
                return new Statement.Show(ShowKind.PLUGINS, false, false, null, null, null, null, null);
            }
            case "FRONTENDS" -> {
                return new Statement.Show(ShowKind.FRONTENDS, false, false, null, null, null, null, null);
            }
            case "BACKENDS", "COMPUTE" -> {
                if (w.equals("COMPUTE")) {
                    in.expectWord("NODES");
                }
                return new Statement.Show(ShowKind.BACKENDS, false, false, null, null, null, null, null);
            }
            case "PROC" -> {
                return new Statement.Show(ShowKind.PROC, false, false, null, null, null, null, in.string());
            }
            case "GRANTS" -> {
                String user = null;
                if (in.acceptWord("FOR")) {
                    Statement.UserName u = userName();
                    user = u.user() == null ? null : u.user() + "@" + u.host();
                }
                return new Statement.Show(ShowKind.GRANTS, false, false, null, null, null, null, user);
            }
            case "PRIVILEGES" -> {
                return new Statement.Show(ShowKind.PRIVILEGES, false, false, null, null, null, null, null);
            }
            case "TRIGGERS", "EVENTS" -> {
                String db = fromDatabase();
                return showWithFilter(w.equals("TRIGGERS") ? ShowKind.TRIGGERS : ShowKind.EVENTS, full, global, null, db);
            }
            case "FUNCTION", "PROCEDURE" -> {
                in.expectWord("STATUS");
                return showWithFilter(w.equals("FUNCTION") ? ShowKind.FUNCTION_STATUS : ShowKind.PROCEDURE_STATUS,
                        full, global, null, null);
            }
            case "MASTER", "BINARY" -> {
                if (!in.acceptWord("STATUS")) {
                    in.expectWord("LOGS");
                }
                return new Statement.Show(ShowKind.MASTER_STATUS, false, false, null, null, null, null, null);
            }
            case "DATA" -> {
                return new Statement.Show(ShowKind.DATA, false, false, null, fromDatabase(), null, null, null);
            }
            default -> throw in.error(t);
        }
    }

    private String fromDatabase() {
        if (in.acceptWord("FROM") || in.acceptWord("IN")) {
            return in.identifier();
        }
        return null;
    }

    private Statement showWithFilter(ShowKind kind, boolean full, boolean global, ObjectName target, String db) {
        String like = null;
        SqlNode where = null;
        if (in.acceptWord("LIKE")) {
            like = in.string();
        } else if (in.acceptWord("WHERE")) {
            where = expr.condition();
        }
        return new Statement.Show(kind, full, global, target, db, like, where, null);
    }

    // ---- SET ---------------------------------------------------------------------------------

    private Statement set() {
        in.expectWord("SET");
        if (in.isWord("PASSWORD") && (in.peek(1).isSymbol("=") || in.peek(1).isWord("FOR"))) {
            in.next();
            Statement.UserName user = null;
            if (in.acceptWord("FOR")) {
                user = userName();
            }
            in.expectSymbol("=");
            String password = in.acceptWord("PASSWORD") ? parenthesizedString() : in.string();
            return new Statement.AlterUser(user == null ? List.of() : List.of(user), List.of(password), false);
        }
        if (in.acceptWord("NAMES")) {
            String charset = in.isWord("DEFAULT") ? in.next().text() : in.identifierOrString();
            String collation = null;
            if (in.acceptWord("COLLATE")) {
                collation = in.identifierOrString();
            }
            return new Statement.SetNames(charset, collation);
        }
        if (in.acceptWords("CHARACTER", "SET") || in.acceptWord("CHARSET")) {
            String charset = in.isWord("DEFAULT") ? in.next().text() : in.identifierOrString();
            return new Statement.SetNames(charset, null);
        }
        VariableScope txScope = null;
        int mark = in.mark();
        if (in.acceptWord("GLOBAL")) {
            txScope = VariableScope.GLOBAL;
        } else if (in.acceptWord("SESSION") || in.acceptWord("LOCAL")) {
            txScope = VariableScope.SESSION;
        }
        if (in.acceptWord("TRANSACTION")) {
            String level = null;
            Boolean readOnly = null;
            do {
                if (in.acceptWords("ISOLATION", "LEVEL")) {
                    if (in.acceptWords("READ", "UNCOMMITTED")) {
                        level = "READ-UNCOMMITTED";
                    } else if (in.acceptWords("READ", "COMMITTED")) {
                        level = "READ-COMMITTED";
                    } else if (in.acceptWords("REPEATABLE", "READ")) {
                        level = "REPEATABLE-READ";
                    } else if (in.acceptWord("SERIALIZABLE")) {
                        level = "SERIALIZABLE";
                    } else {
                        throw in.error();
                    }
                } else if (in.acceptWords("READ", "ONLY")) {
                    readOnly = true;
                } else if (in.acceptWords("READ", "WRITE")) {
                    readOnly = false;
                } else {
                    throw in.error();
                }
            } while (in.acceptSymbol(","));
            return new Statement.SetTransaction(txScope == null ? VariableScope.SESSION : txScope, level, readOnly);
        }
        in.reset(mark);
        List<VariableAssignment> list = new ArrayList<>();
        do {
            list.add(variableAssignment());
        } while (in.acceptSymbol(","));
        return new Statement.Set(list);
    }

    private VariableAssignment variableAssignment() {
        if (in.isWord("NAMES") && !in.peek(1).isSymbol("=") && !in.peek(1).isSymbol(":=")) {
            // SET ..., NAMES charset [COLLATE collation] inside a list (drivers send this on connect).
            in.next();
            String charset = in.isWord("DEFAULT") ? in.next().text() : in.identifierOrString();
            if (in.acceptWord("COLLATE")) {
                charset = charset + " COLLATE " + in.identifierOrString();
            }
            return new VariableAssignment(VariableScope.SESSION, "names", SqlLiteral.createCharString(charset, in.pos()));
        }
        VariableScope scope = VariableScope.SESSION;
        String name;
        Token t = in.peek();
        if (t.type() == TokenType.USER_VARIABLE) {
            in.next();
            scope = VariableScope.USER;
            name = t.text();
        } else if (t.type() == TokenType.SYSTEM_VARIABLE) {
            in.next();
            String text = t.text();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("global.")) {
                scope = VariableScope.GLOBAL;
                name = text.substring(7);
            } else if (lower.startsWith("session.") || lower.startsWith("local.")) {
                name = text.substring(text.indexOf('.') + 1);
            } else {
                name = text;
            }
        } else {
            if (in.acceptWord("GLOBAL")) {
                scope = VariableScope.GLOBAL;
            } else if (!in.acceptWord("SESSION")) {
                in.acceptWord("LOCAL");
            }
            name = in.anyIdentifier();
            if (in.acceptSymbol(".")) {
                // SET session.x = ... is not MySQL; a dotted name is a component variable.
                name = name + "." + in.anyIdentifier();
            }
        }
        if (!in.acceptSymbol("=")) {
            in.expectSymbol(":=");
        }
        SqlNode value = setValue();
        return new VariableAssignment(scope, name.toLowerCase(Locale.ROOT).equals(name) || scope == VariableScope.USER
                ? name : name.toLowerCase(Locale.ROOT), value);
    }

    /** A SET value: an expression, or a bare word such as ON, OFF or DEFAULT taken as text. */
    private SqlNode setValue() {
        Token t = in.peek();
        Token after = in.peek(1);
        boolean endsHere = after.type() == TokenType.EOF || after.isSymbol(",") || after.isSymbol(";");
        if (t.type() == TokenType.WORD && endsHere && !t.isWord("NULL") && !t.isWord("TRUE") && !t.isWord("FALSE")) {
            in.next();
            SqlParserPos p = in.pos(t);
            return SqlLiteral.createCharString(t.text(), p);
        }
        return expr.expression();
    }

    // ---- users and privileges ---------------------------------------------------------------

    private Statement.UserName userName() {
        if (in.isWord("CURRENT_USER")) {
            return currentUser();
        }
        String user = in.identifierOrString();
        String host = "%";
        if (in.peek().type() == TokenType.USER_VARIABLE) {
            // 'u'@'h' lexes as a string followed by a user variable token '@h'.
            host = in.next().text();
        } else if (in.acceptSymbol("@")) {
            host = in.identifierOrString();
        }
        return new Statement.UserName(user, host);
    }

    private Statement.UserName currentUser() {
        in.next();
        if (in.acceptSymbol("(")) {
            in.expectSymbol(")");
        }
        return new Statement.UserName(null, null);
    }

    /** [IDENTIFIED [WITH plugin] BY 'password']; null when absent. */
    private String identifiedBy() {
        if (!in.acceptWord("IDENTIFIED")) {
            return null;
        }
        if (in.acceptWord("WITH")) {
            in.identifierOrString();
            if (!in.isWord("BY")) {
                return "";
            }
        }
        in.expectWord("BY");
        if (in.acceptWord("PASSWORD")) {
            // IDENTIFIED BY PASSWORD 'hash' supplies a hash, which Basalt cannot verify scrambles against alone.
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support 'IDENTIFIED BY PASSWORD hash'");
        }
        return in.string();
    }

    private String parenthesizedString() {
        in.expectSymbol("(");
        String s = in.string();
        in.expectSymbol(")");
        return s;
    }

    private void skipAccountOptions() {
        while (!in.atEnd()) {
            if (in.acceptWords("REQUIRE", "NONE") || in.acceptWords("ACCOUNT", "LOCK") || in.acceptWords("ACCOUNT", "UNLOCK")
                    || in.acceptWords("PASSWORD", "EXPIRE", "NEVER") || in.acceptWords("PASSWORD", "EXPIRE", "DEFAULT")) {
                continue;
            }
            throw in.error();
        }
    }

    private Statement grant() {
        boolean revoke = in.next().isWord("REVOKE");
        List<String> privileges = new ArrayList<>();
        do {
            StringBuilder name = new StringBuilder(in.anyIdentifier());
            while (in.peek().type() == TokenType.WORD && !in.isWord("ON") && !in.peek().isSymbol(",")) {
                name.append(' ').append(in.next().text());
            }
            privileges.add(name.toString());
        } while (in.acceptSymbol(","));
        in.expectWord("ON");
        in.acceptWord("TABLE");
        String db;
        String table;
        if (in.acceptSymbol("*")) {
            db = "*";
            table = "*";
            if (in.acceptSymbol(".")) {
                in.expectSymbol("*");
            }
        } else {
            String first = in.identifier();
            if (in.acceptSymbol(".")) {
                db = first;
                table = in.acceptSymbol("*") ? "*" : in.anyIdentifier();
            } else {
                db = null;
                table = first;
            }
        }
        if (revoke) {
            in.expectWord("FROM");
        } else {
            in.expectWord("TO");
        }
        List<Statement.UserName> users = new ArrayList<>();
        do {
            users.add(userName());
        } while (in.acceptSymbol(","));
        boolean grantOption = in.acceptWords("WITH", "GRANT", "OPTION");
        return new Statement.GrantPrivileges(revoke, privileges, db, table, users, grantOption);
    }

    // ---- KILL / ADMIN -----------------------------------------------------------------------

    private Statement kill() {
        in.expectWord("KILL");
        boolean query = false;
        if (in.acceptWord("QUERY")) {
            query = true;
        } else {
            in.acceptWord("CONNECTION");
        }
        return new Statement.Kill(in.integer(), query);
    }

    private Statement admin() {
        in.expectWord("ADMIN");
        if (in.acceptWord("SHOW")) {
            in.expectWords("FRONTEND", "CONFIG");
            String like = null;
            if (in.acceptWord("LIKE")) {
                like = in.string();
            }
            return new Statement.AdminShowConfig(like);
        }
        if (in.acceptWord("SET")) {
            in.expectWords("FRONTEND", "CONFIG");
            return new Statement.AdminSetConfig(properties());
        }
        throw in.error();
    }

    /** {@code alias.col} in ON DUPLICATE KEY UPDATE becomes VALUES(col), which means the same. */
    private static List<Assignment> rowAliasAsValues(List<Assignment> assignments, String alias) {
        org.apache.calcite.sql.util.SqlShuttle rewrite = new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public SqlNode visit(org.apache.calcite.sql.SqlIdentifier id) {
                if (id.names.size() == 2 && id.names.get(0).equalsIgnoreCase(alias)) {
                    org.apache.calcite.sql.SqlIdentifier column = new org.apache.calcite.sql.SqlIdentifier(
                            id.names.get(1), id.getParserPosition());
                    return ExpressionParser.VALUES_FUNCTION.createCall(id.getParserPosition(), column);
                }
                return id;
            }
        };
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : assignments) {
            out.add(new Assignment(a.column(), a.value() == null ? null : a.value().accept(rewrite)));
        }
        return out;
    }
}
