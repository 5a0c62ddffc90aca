package io.basalt.server.sql.plan;

import io.basalt.server.sql.func.MysqlOperators;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces variable references with their current values as literals before validation, so the
 * validator sees typed constants (a variable's type is its value's type, as in MySQL).
 */
final class VariableInliner extends SqlShuttle {
    private final VariableResolver resolver;

    VariableInliner(VariableResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getOperator() == MysqlOperators.SYSTEM_VARIABLE) {
            String scope = SqlLiteral.unchain(call.operand(0)).getValueAs(String.class);
            String name = SqlLiteral.unchain(call.operand(1)).getValueAs(String.class);
            return literal(resolver.systemVariable(scope, name), call.getParserPosition());
        }
        if (call.getOperator() == MysqlOperators.USER_VARIABLE) {
            String name = SqlLiteral.unchain(call.operand(0)).getValueAs(String.class);
            return literal(resolver.userVariable(name), call.getParserPosition());
        }
        return super.visit(call);
    }

    static SqlNode literal(Object v, SqlParserPos pos) {
        if (v == null) {
            return SqlLiteral.createNull(pos);
        }
        if (v instanceof Boolean b) {
            return SqlLiteral.createExactNumeric(b ? "1" : "0", pos);
        }
        if (v instanceof Long || v instanceof Integer) {
            return SqlLiteral.createExactNumeric(v.toString(), pos);
        }
        if (v instanceof BigDecimal d) {
            return SqlLiteral.createExactNumeric(d.toPlainString(), pos);
        }
        if (v instanceof Double d) {
            return SqlLiteral.createApproxNumeric(Double.toString(d), pos);
        }
        if (v instanceof java.time.Duration d) {
            // A TIME variable is its MySQL text, as MySQL keeps temporal user variables as strings.
            return SqlLiteral.createCharString(io.basalt.server.exec.value.TimeValues.format(d, -1), pos);
        }
        return SqlLiteral.createCharString(v.toString(), pos);
    }
}
