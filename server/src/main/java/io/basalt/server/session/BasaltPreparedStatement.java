package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.exec.arrow.ResultSchema;
import io.basalt.server.sql.ParameterBinder;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.parser.SqlParser;
import io.basalt.server.sql.plan.PlannedQuery;
import io.basalt.server.sql.plan.QueryPlanner;
import io.basalt.session.ColumnMetadata;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;

/**
 * A prepared statement: parsed once; parameter and result types inferred at prepare time. A query
 * runs from a plan made once with its placeholders when its values allow ({@link PreparedTemplates});
 * otherwise, and for every other statement, each execution binds the values as literals and runs
 * the statement like a written one.
 */
final class BasaltPreparedStatement implements PreparedStatement {
    private final BasaltSession session;
    private final String sql;
    private final Statement parsed;
    private final int parameterCount;
    private final Schema parameters;
    private final Schema result;
    private final PreparedTemplates templates = new PreparedTemplates();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    BasaltPreparedStatement(BasaltSession session, String sql) {
        this.session = session;
        this.sql = sql;
        SqlParser.Parsed p = SqlParser.parseWithParameters(sql);
        this.parsed = p.statement();
        this.parameterCount = p.parameterCount();
        List<ArrowType> types = new ArrayList<>(java.util.Collections.nCopies(parameterCount, ArrowType.Utf8.INSTANCE));
        Schema resultSchema = new Schema(List.of());
        if (parsed instanceof Statement.Query q) {
            StatementEnvironment env = session.environment();
            QueryPlanner planner = new QueryPlanner(session.catalog(), session.database(),
                    session.services().state().systemSchemas(session.catalog()), session.variableResolver(), env);
            List<RelDataType> inferred = planner.parameterTypes(q.query());
            if (inferred != null) {
                for (int i = 0; i < inferred.size() && i < types.size(); i++) {
                    types.set(i, ResultSchema.arrowType(inferred.get(i)));
                }
            }
            // Validate with NULLs for the parameters: the result's shape does not depend on their values.
            Statement withNulls = ParameterBinder.bind(parsed, Arrays.asList(new Object[parameterCount]));
            PlannedQuery planned = new QueryPlanner(session.catalog(), session.database(),
                    session.services().state().systemSchemas(session.catalog()), session.variableResolver(), env)
                    .plan(((Statement.Query) withNulls).query());
            resultSchema = ResultSchema.of(planned, session.catalog());
        } else if (parsed instanceof Statement.Insert ins && ins.rows() != null) {
            typeInsertParameters(ins, types);
        } else if ((parsed instanceof Statement.Show || parsed instanceof Statement.Explain) && parameterCount == 0) {
            // Their columns depend on the statement, not on data: run it once to describe them.
            resultSchema = session.resultSchemaOf(parsed);
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            fields.add(ColumnMetadata.field("?" + (i + 1), types.get(i), true, null));
        }
        this.parameters = new Schema(fields);
        this.result = resultSchema;
        // Counted last: a statement that failed to prepare holds nothing.
        int max = session.services().config().get(io.basalt.server.config.ConfigKeys.MAX_PREPARED_STMT_COUNT);
        if (!session.services().registry().acquirePreparedStatement(max)) {
            throw BasaltException.of(ErrorCode.MAX_PREPARED_STMT_COUNT_REACHED,
                    "Can't create more than max_prepared_stmt_count statements (current value: %d)", max);
        }
    }

    /** INSERT ... VALUES (?, ...): each placeholder takes its target column's type. */
    private void typeInsertParameters(Statement.Insert ins, List<ArrowType> types) {
        TableDef t;
        try {
            t = DmlStatements.resolveTable(session, ins.table());
        } catch (BasaltException e) {
            return;
        }
        List<ColumnDef> targets = new ArrayList<>();
        if (ins.columns() == null) {
            targets.addAll(t.columns());
        } else {
            for (String c : ins.columns()) {
                targets.add(t.column(c));
            }
        }
        for (List<SqlNode> row : ins.rows()) {
            for (int i = 0; i < row.size() && i < targets.size(); i++) {
                if (row.get(i) instanceof SqlDynamicParam p && targets.get(i) != null && p.getIndex() < types.size()) {
                    types.set(p.getIndex(), targets.get(i).type().arrowType());
                }
            }
        }
    }

    @Override
    public Schema parameters() {
        return parameters;
    }

    @Override
    public Schema resultSchema() {
        return result;
    }

    @Override
    public QueryResult execute(List<Object> values) {
        if (values.size() != parameterCount) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE: expected %d, got %d",
                    parameterCount, values.size());
        }
        if (parsed instanceof Statement.Query q && parameterCount > 0) {
            return session.executePreparedQuery(sql, q, values, templates);
        }
        return session.executePrepared(sql, parsed, values);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.services().registry().releasePreparedStatement();
        }
    }
}
