package io.basalt.server.sql.func;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Calcite's standard operator table without the operators that share a name with a MySQL operator
 * but belong to syntax Basalt's parser never produces. MATCH_RECOGNIZE's pattern alternation is
 * named {@code |} and has no operand checker, so finding it while resolving MySQL's bitwise OR
 * made the validator fail.
 */
public final class StandardOperators implements SqlOperatorTable {
    private static final Set<SqlOperator> HIDDEN = Set.of(SqlStdOperatorTable.PATTERN_ALTER);
    private static final SqlOperatorTable STANDARD = SqlStdOperatorTable.instance();

    /** The one instance. */
    public static final StandardOperators INSTANCE = new StandardOperators();

    private StandardOperators() {}

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        int before = operatorList.size();
        STANDARD.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        operatorList.subList(before, operatorList.size()).removeIf(HIDDEN::contains);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return STANDARD.getOperatorList().stream().filter(op -> !HIDDEN.contains(op)).toList();
    }
}
