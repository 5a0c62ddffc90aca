package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.QueryRunner;
import io.basalt.server.exec.QueryTemplate;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.exec.arrow.ResultSchema;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.plan.FoundRowsQuery;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlNode;

/** SELECT and EXPLAIN. */
final class QueryStatements {
    private QueryStatements() {}

    static QueryResult query(BasaltSession session, Statement.Query q) {
        return start(session, qc -> QueryRunner.prepare(q.query(), qc, -1), q.calcFoundRows() ? q.query() : null);
    }

    /**
     * Runs a prepared query with {@code values}: from its template when one holds and takes them
     * (no planning), else with the values bound into the statement like a written one.
     */
    static QueryResult.Rows runPrepared(BasaltSession session, Statement.Query q, List<Object> values,
            PreparedTemplates templates) {
        return start(session, qc -> {
            QueryTemplate template = templates.get(q.query(), qc);
            if (template != null && template.accepts(values)) {
                return QueryRunner.fromTemplate(template, values, qc);
            }
            Statement.Query bound = (Statement.Query) io.basalt.server.sql.ParameterBinder.bind(q, values);
            return QueryRunner.prepare(bound.query(), qc, -1);
        }, q.calcFoundRows() ? ((Statement.Query) io.basalt.server.sql.ParameterBinder.bind(q, values)).query() : null);
    }

    /**
     * Starts the query {@code plan} makes; rows stream as the client reads them.
     *
     * @param calcFoundRows the query with its values bound when it asked for SQL_CALC_FOUND_ROWS, else null
     */
    private static QueryResult.Rows start(BasaltSession session,
            java.util.function.Function<QueryContext, QueryRunner> plan, SqlNode calcFoundRows) {
        // Built before planning the query: validation rewrites the tree it is given.
        SqlNode count = calcFoundRows == null ? null : FoundRowsQuery.countWithoutLimit(calcFoundRows);
        StatementEnvironment env = session.environment();
        ExecContext ctx = session.newExecContext(env);
        session.awaitReadConsistency();
        // Catalog, plan and table versions come from one state: never half before, half after a snapshot load.
        io.basalt.session.BatchStream stream = session.services().state().withConsistentView(() -> {
            QueryContext qc = session.queryContext(env);
            QueryRunner runner = plan.apply(qc);
            if (count != null) {
                // Counted in the same view as the rows are read from.
                List<Object[]> counted = QueryRunner.prepare(count, qc, -1).all(ctx);
                session.calculatedFoundRows(((Number) counted.get(0)[0]).longValue());
            }
            BufferAllocator allocator = session.services().allocator().newChildAllocator(
                    "query-" + session.connectionId(), 0, Long.MAX_VALUE);
            return runner.stream(ctx, ResultSchema.of(runner.planned(), qc.catalog()), allocator,
                    () -> session.resultClosed(ctx));
        });
        session.resultOpened();
        return new QueryResult.Rows(stream, ctx.warningCount());
    }

    static QueryResult explain(BasaltSession session, Statement.Explain e) {
        SqlNode query;
        Statement inner = e.statement();
        if (inner instanceof Statement.Query q) {
            query = q.query();
        } else if (inner instanceof Statement.Insert i && i.query() != null) {
            query = i.query();
        } else {
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support 'EXPLAIN of this statement'");
        }
        StatementEnvironment env = session.environment();
        QueryRunner runner = QueryRunner.prepare(query, session.queryContext(env), -1);
        String plan = RelOptUtil.toString(runner.planned().rel());
        List<Object[]> rows = new ArrayList<>();
        for (String line : plan.split("\n")) {
            if (!line.isBlank()) {
                rows.add(new Object[] {line});
            }
        }
        return RowsResult.of(List.of(ResultColumn.text("Explain String")), rows, session.services().allocator());
    }
}
