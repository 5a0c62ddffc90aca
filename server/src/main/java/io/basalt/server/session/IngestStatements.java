package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.command.Command;
import io.basalt.server.dml.ArrowRows;
import io.basalt.server.dml.RowAssembler;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.type.SqlType;
import io.basalt.server.sql.type.SqlType.Kind;
import io.basalt.session.IngestOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Bulk ingest of Arrow batches: creates or truncates the table as asked, then commits each batch
 * (in chunks) as insert commands carrying Arrow IPC, checked like INSERT in strict mode.
 */
final class IngestStatements {
    /** Rows per insert command: large commands amortise Raft overhead, small ones bound memory. */
    static final int ROWS_PER_COMMAND = 100_000;

    private IngestStatements() {}

    static long ingest(BasaltSession session, IngestOptions o, Schema schema, Iterator<VectorSchemaRoot> batches) {
        String db = o.database() != null && !o.database().isEmpty() ? o.database() : session.requireDatabase();
        if (session.catalog().database(db) == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", db);
        }
        TableDef t = session.catalog().table(db, o.table());
        if (t == null) {
            if (o.ifMissing() == IngestOptions.IfMissing.FAIL) {
                throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, o.table());
            }
            List<ColumnDef> columns = new ArrayList<>();
            for (Field f : schema.getFields()) {
                columns.add(new ColumnDef(0, f.getName(), sqlType(f.getType()), true, null, false, null));
            }
            TableDef draft = new TableDef(0, db, o.table(), columns, null, List.of(), List.of(), List.of(), 0, null,
                    Map.of(), System.currentTimeMillis(), 0);
            session.propose(new Command.CreateTable(draft, false, null, null), null);
            t = session.catalog().table(db, o.table());
        } else if (o.ifExists() == IngestOptions.IfExists.FAIL) {
            throw BasaltException.of(ErrorCode.TABLE_EXISTS, "Table '%s' already exists", o.table());
        } else if (o.ifExists() == IngestOptions.IfExists.REPLACE) {
            session.propose(new Command.Truncate(t.database(), t.name()), null);
        }
        List<String> columns = new ArrayList<>();
        for (Field f : schema.getFields()) {
            columns.add(f.getName());
        }
        StatementEnvironment env = session.environment();
        ExecContext ctx = session.newExecContext(env);
        RowAssembler assembler = new RowAssembler(t, columns, true, session.queryContext(env), ctx);
        long total = 0;
        List<Object[]> pending = new ArrayList<>();
        while (batches.hasNext()) {
            VectorSchemaRoot root = batches.next();
            for (Object[] source : ArrowRows.fromBatch(root)) {
                ctx.tick();
                pending.add(assembler.assemble(source, total + pending.size() + 1, ctx));
                if (pending.size() >= ROWS_PER_COMMAND) {
                    total += DmlStatements.proposeRows(session, t, pending, "INSERT").affectedRows();
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty()) {
            total += DmlStatements.proposeRows(session, t, pending, "INSERT").affectedRows();
        }
        return total;
    }

    /** The column type for an ingested Arrow type. */
    static SqlType sqlType(ArrowType t) {
        if (t instanceof ArrowType.Int i) {
            return switch (i.getBitWidth()) {
                case 8 -> SqlType.of(i.getIsSigned() ? Kind.TINYINT : Kind.SMALLINT);
                case 16 -> SqlType.of(i.getIsSigned() ? Kind.SMALLINT : Kind.INT);
                case 32 -> SqlType.of(i.getIsSigned() ? Kind.INT : Kind.BIGINT);
                default -> i.getIsSigned() ? SqlType.of(Kind.BIGINT) : SqlType.decimal(20, 0);
            };
        }
        if (t instanceof ArrowType.FloatingPoint f) {
            return SqlType.of(f.getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE
                    ? Kind.DOUBLE : Kind.FLOAT);
        }
        if (t instanceof ArrowType.Decimal d) {
            return SqlType.decimal(d.getPrecision(), d.getScale());
        }
        if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8) {
            return SqlType.of(Kind.TEXT);
        }
        if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary) {
            return SqlType.of(Kind.BLOB);
        }
        if (t instanceof ArrowType.Bool) {
            return SqlType.of(Kind.BOOLEAN);
        }
        if (t instanceof ArrowType.Date) {
            return SqlType.of(Kind.DATE);
        }
        if (t instanceof ArrowType.Timestamp ts) {
            int fsp = switch (ts.getUnit()) {
                case SECOND -> 0;
                case MILLISECOND -> 3;
                default -> 6;
            };
            return new SqlType(Kind.DATETIME, fsp, 0, false);
        }
        if (t instanceof ArrowType.Time tm) {
            return new SqlType(Kind.TIME, tm.getUnit() == org.apache.arrow.vector.types.TimeUnit.SECOND ? 0 : 6, 0, false);
        }
        throw BasaltException.of(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support ingesting Arrow type %s",
                t);
    }
}
