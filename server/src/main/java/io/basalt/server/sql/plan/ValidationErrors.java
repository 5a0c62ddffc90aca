package io.basalt.server.sql.plan;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Translates Calcite validation failures into the errors MySQL reports for the same mistakes,
 * with MySQL's error numbers and wording.
 */
final class ValidationErrors {
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?");
    private static final Pattern COLUMN_NOT_FOUND_ANY = Pattern.compile("Column '([^']*)' not found in any table");
    private static final Pattern COLUMN_NOT_FOUND_IN = Pattern.compile("Column '([^']*)' not found in table '([^']*)'");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature ([A-Za-z_0-9$]+)\\(");
    private static final Pattern ARG_COUNT = Pattern.compile("Invalid number of arguments to function '([^']*)'");
    private static final Pattern NOT_GROUPED = Pattern.compile("Expression '([^']*)' is not being grouped");
    private static final Pattern DUPLICATE_RELATION = Pattern.compile("Duplicate relation name '([^']*)'");

    private ValidationErrors() {}

    static BasaltException translate(RuntimeException e, String database) {
        return translate(e, database, null);
    }

    /**
     * @param query the statement that failed, to name a table whose database does not exist as
     *     {@code db.table} (Calcite names only the database); null when not at hand
     */
    static BasaltException translate(RuntimeException e, String database, SqlNode query) {
        if (e instanceof BasaltException be) {
            return be;
        }
        String message = innermostMessage(e);
        Matcher m;
        if ((m = OBJECT_NOT_FOUND.matcher(message)).find()) {
            String name = m.group(1);
            String within = m.group(2);
            if (within != null) {
                return BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", within, name);
            }
            BasaltException recursive = query == null ? null : RecursiveSeedTypes.unsupportedShape(query, name);
            if (recursive != null) {
                return recursive;
            }
            SqlIdentifier qualified = query == null ? null : qualifiedTableIn(query, name);
            if (qualified != null) {
                return BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist",
                        qualified.names.get(0), qualified.names.get(1));
            }
            if (database == null) {
                return new BasaltException(ErrorCode.NO_DATABASE_SELECTED, "No database selected");
            }
            return BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", database, name);
        }
        if ((m = COLUMN_NOT_FOUND_ANY.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'", m.group(1));
        }
        if ((m = COLUMN_NOT_FOUND_IN.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s.%s' in 'field list'", m.group(2), m.group(1));
        }
        if ((m = TABLE_NOT_FOUND.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'", m.group(1));
        }
        if ((m = AMBIGUOUS.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.AMBIGUOUS_COLUMN, "Column '%s' in field list is ambiguous", m.group(1));
        }
        if ((m = NO_FUNCTION.matcher(message)).find()) {
            // Calcite looks functions up by name and argument count together: a name it knows means
            // the count was wrong.
            if (isKnownFunction(m.group(1))) {
                return BasaltException.of(ErrorCode.WRONG_PARAMETER_COUNT,
                        "Incorrect parameter count in the call to native function '%s'", m.group(1));
            }
            return BasaltException.of(ErrorCode.UNKNOWN_FUNCTION, "FUNCTION %s.%s does not exist",
                    database == null ? "basalt" : database, m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if ((m = ARG_COUNT.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.WRONG_PARAMETER_COUNT,
                    "Incorrect parameter count in the call to native function '%s'", m.group(1));
        }
        if ((m = NOT_GROUPED.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.WRONG_FIELD_WITH_GROUP,
                    "Expression '%s' is not in GROUP BY clause and contains nonaggregated column which is not "
                            + "functionally dependent on columns in GROUP BY clause; this is incompatible with "
                            + "sql_mode=only_full_group_by", m.group(1));
        }
        if ((m = DUPLICATE_RELATION.matcher(message)).find()) {
            return BasaltException.of(ErrorCode.NON_UNIQUE_TABLE, "Not unique table/alias: '%s'", m.group(1));
        }
        if (message.contains("Aggregate expression is illegal") || message.contains("aggregate function")
                && message.contains("illegal")) {
            return new BasaltException(ErrorCode.INVALID_GROUP_FUNC_USE, "Invalid use of group function");
        }
        if (message.contains("Column count mismatch in UNION") || message.contains("Column count mismatch in")) {
            return new BasaltException(ErrorCode.WRONG_NUMBER_OF_COLUMNS_IN_SELECT,
                    "The used SELECT statements have a different number of columns");
        }
        if (message.contains("Operand should contain") || message.contains("must return a single column")
                || message.contains("Cannot apply") && message.contains("RecordType")) {
            return new BasaltException(ErrorCode.OPERAND_COLUMNS, "Operand should contain 1 column(s)");
        }
        return new BasaltException(ErrorCode.WRONG_ARGUMENTS, message);
    }

    /** Whether the operator table has a function of this name, whatever its arguments. */
    private static boolean isKnownFunction(String name) {
        List<SqlOperator> found = new ArrayList<>();
        QueryPlanner.OPERATORS.lookupOperatorOverloads(new SqlIdentifier(name, SqlParserPos.ZERO), null,
                SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
        return !found.isEmpty();
    }

    /** The first two-part table name in a FROM clause of {@code query} whose database is {@code database}. */
    private static SqlIdentifier qualifiedTableIn(SqlNode query, String database) {
        SqlIdentifier[] found = new SqlIdentifier[1];
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (found[0] == null && call instanceof SqlSelect select && select.getFrom() != null) {
                    fromItem(select.getFrom());
                }
                return super.visit(call);
            }

            private void fromItem(SqlNode node) {
                if (node instanceof SqlIdentifier id) {
                    if (found[0] == null && id.names.size() == 2 && id.names.get(0).equalsIgnoreCase(database)) {
                        found[0] = id;
                    }
                } else if (node instanceof SqlJoin join) {
                    fromItem(join.getLeft());
                    fromItem(join.getRight());
                } else if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
                    fromItem(call.operand(0));
                }
            }
        });
        return found[0];
    }

    private static String innermostMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (msg == null && e instanceof CalciteContextException c) {
            msg = c.getMessage();
        }
        return msg == null ? e.toString() : msg;
    }
}
