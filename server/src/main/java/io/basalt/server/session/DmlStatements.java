package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.command.Command;
import io.basalt.server.dml.ArrowRows;
import io.basalt.server.dml.DmlExecutor;
import io.basalt.server.dml.RowAssembler;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * INSERT, REPLACE, UPDATE and DELETE. INSERT ... VALUES is evaluated here and proposed as rows
 * (Arrow IPC); statements that read the table are proposed as SQL and evaluated by every replica
 * at apply time, against the same state.
 */
final class DmlStatements {
    private DmlStatements() {}

    static QueryResult execute(BasaltSession session, Statement statement) {
        StatementEnvironment env = session.environment();
        if (statement instanceof Statement.Insert ins && ins.rows() != null && ins.onDuplicate().isEmpty()) {
            return insertValues(session, ins, env);
        }
        String text;
        ObjectName target;
        if (statement instanceof Statement.Insert ins) {
            text = ins.text();
            target = ins.table();
        } else if (statement instanceof Statement.Update u) {
            text = u.text();
            target = u.table();
        } else {
            Statement.Delete d = (Statement.Delete) statement;
            text = d.text();
            target = d.table();
        }
        TableDef t = resolveTable(session, target);
        checkPrivileges(session, statement, t, env);
        return session.propose(new Command.ExecuteDml(text, session.statementContext(env)), null);
    }

    /** The privileges a write needs: on its target, and SELECT on what it reads. */
    private static void checkPrivileges(BasaltSession session, Statement statement, TableDef t, StatementEnvironment env) {
        var access = session.access();
        if (statement instanceof Statement.Insert ins) {
            access.requireTable(io.basalt.server.catalog.Privilege.INSERT, t.database(), t.name());
            if (!ins.onDuplicate().isEmpty()) {
                access.requireTable(io.basalt.server.catalog.Privilege.UPDATE, t.database(), t.name());
            }
            if (ins.replace()) {
                access.requireTable(io.basalt.server.catalog.Privilege.DELETE, t.database(), t.name());
            }
            if (ins.query() != null) {
                // Planning checks SELECT on every table the source query reads.
                io.basalt.server.exec.QueryRunner.prepare(ins.query(), session.queryContext(env), -1);
            }
        } else if (statement instanceof Statement.Update u) {
            access.requireTable(io.basalt.server.catalog.Privilege.UPDATE, t.database(), t.name());
            if (u.where() != null) {
                access.requireTable(io.basalt.server.catalog.Privilege.SELECT, t.database(), t.name());
            }
        } else if (statement instanceof Statement.Delete d) {
            access.requireTable(io.basalt.server.catalog.Privilege.DELETE, t.database(), t.name());
            if (d.where() != null) {
                access.requireTable(io.basalt.server.catalog.Privilege.SELECT, t.database(), t.name());
            }
        }
    }

    /** Commits assembled rows as one insert command carrying them as Arrow IPC. */
    static QueryResult.UpdateCount proposeRows(BasaltSession session, TableDef t, List<Object[]> rows, String mode) {
        BufferAllocator allocator = session.services().allocator();
        byte[] payload;
        try (BufferAllocator child = allocator.newChildAllocator("insert", 0, Long.MAX_VALUE);
                VectorSchemaRoot batch = ArrowRows.toBatch(t, rows, child)) {
            payload = ArrowRows.toIpc(batch);
        }
        List<Integer> ids = t.columns().stream().map(ColumnDef::id).toList();
        return session.propose(new Command.InsertRows(t.database(), t.name(), ids, mode), payload);
    }

    static TableDef resolveTable(BasaltSession session, ObjectName name) {
        String db = name.database() != null ? name.database() : session.requireDatabase();
        if (session.catalog().database(db) == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, name.name());
        }
        TableDef t = session.catalog().table(db, name.name());
        if (t == null) {
            if (session.catalog().view(db, name.name()) != null) {
                throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                        "This version of Basalt doesn't yet support 'writes through views'");
            }
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, name.name());
        }
        return t;
    }

    private static QueryResult insertValues(BasaltSession session, Statement.Insert ins, StatementEnvironment env) {
        TableDef t = resolveTable(session, ins.table());
        checkPrivileges(session, ins, t, env);
        ExecContext ctx = session.newExecContext(env);
        QueryContext qc = session.queryContext(env);
        List<Object[]> rows = new RowAssembler(t, ins.columns(), !ins.ignore(), qc, ctx).assembleAll(ins.rows(), qc, ctx);
        String mode = DmlExecutor.mode(t, ins.replace(), ins.ignore()).name();
        QueryResult.UpdateCount r = proposeRows(session, t, rows, mode);
        if (ctx.warningCount() > 0) {
            List<ExecContext.Warning> all = new ArrayList<>(ctx.warnings());
            all.addAll(session.warnings());
            session.setWarnings(all);
            return new QueryResult.UpdateCount(r.affectedRows(), r.lastInsertId(), all.size(), r.info());
        }
        return r;
    }
}
