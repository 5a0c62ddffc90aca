package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.dml.RowAssembler;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.ast.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/** SET of system and user variables, SET NAMES, SET TRANSACTION. */
final class VariableStatements {
    private VariableStatements() {}

    static void set(BasaltSession session, Statement.Set s) {
        StatementEnvironment env = session.environment();
        ExecContext ctx = session.newExecContext(env);
        for (Statement.VariableAssignment a : s.assignments()) {
            if (a.scope() == Statement.VariableScope.SESSION && a.name().equals("names")) {
                String[] parts = ((SqlLiteral) a.value()).getValueAs(String.class).split(" COLLATE ");
                setNames(session, new Statement.SetNames(parts[0], parts.length > 1 ? parts[1] : null));
                continue;
            }
            Object value = a.value() == null ? null : evaluate(session, a.value(), env, ctx);
            switch (a.scope()) {
                case USER -> session.userVariables().put(a.name().toLowerCase(Locale.ROOT), value);
                case GLOBAL -> {
                    session.access().requireGlobal(io.basalt.server.catalog.Privilege.SUPER);
                    SystemVariables.setGlobal(a.name(), isDefault(a.value())
                        ? SystemVariables.defaultValue(a.name()) : value);
                }
                case SESSION -> setSession(session, a.name(), isDefault(a.value())
                        ? SystemVariables.global(a.name()) : value);
            }
        }
    }

    private static boolean isDefault(SqlNode n) {
        return n instanceof SqlLiteral lit && "DEFAULT".equalsIgnoreCase(lit.toValue());
    }

    private static Object evaluate(BasaltSession session, SqlNode value, StatementEnvironment env, ExecContext ctx) {
        return RowAssembler.evaluateRow(List.of(value), session.queryContext(env), ctx)[0];
    }

    static void setSession(BasaltSession session, String name, Object value) {
        SystemVariables.Definition d = SystemVariables.require(name);
        if (d.readOnly()) {
            throw BasaltException.of(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR, "Variable '%s' is a read only variable", d.name());
        }
        if (d.scope() == SystemVariables.Scope.GLOBAL) {
            throw BasaltException.of(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR,
                    "Variable '%s' is a GLOBAL variable and should be set with SET GLOBAL", d.name());
        }
        Object v = SystemVariables.normalize(d, value);
        if (d.name().equals("last_insert_id") || d.name().equals("insert_id") || d.name().equals("identity")) {
            session.setLastInsertId((Long) v);
        }
        session.variables().put(d.name(), v);
    }

    static void setNames(BasaltSession session, Statement.SetNames n) {
        String cs = n.charset().toLowerCase(Locale.ROOT);
        if (!cs.equals("default") && !cs.startsWith("utf8") && !cs.equals("latin1") && !cs.equals("ascii")
                && !cs.equals("binary")) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Unknown character set: '%s'", n.charset());
        }
        Map<String, Object> vars = session.variables();
        String charset = cs.equals("default") ? "utf8mb4" : cs;
        vars.put("character_set_client", charset);
        vars.put("character_set_connection", charset);
        vars.put("character_set_results", charset);
        if (n.collation() != null) {
            vars.put("collation_connection", n.collation());
        }
    }

    static void setTransaction(BasaltSession session, Statement.SetTransaction t) {
        if (t.isolationLevel() != null) {
            if (t.scope() == Statement.VariableScope.GLOBAL) {
                SystemVariables.setGlobal("transaction_isolation", t.isolationLevel());
            } else {
                session.variables().put("transaction_isolation", t.isolationLevel());
            }
        }
        if (t.readOnly() != null) {
            long v = t.readOnly() ? 1L : 0L;
            if (t.scope() == Statement.VariableScope.GLOBAL) {
                SystemVariables.setGlobal("transaction_read_only", v);
            } else {
                session.variables().put("transaction_read_only", v);
            }
        }
    }
}
