package io.basalt.flight;

import io.basalt.session.IngestOptions;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CommandStatementIngest: bulk-loads the DoPut batches into a table through the session. Batches
 * are handed over one at a time as they arrive, never collected; the session commits each as it
 * comes (so a failure part-way leaves the batches before it written).
 */
final class IngestCommand {
    private IngestCommand() {}

    static long ingest(FlightSession session, CommandStatementIngest command, FlightStream stream) {
        if (command.hasTransactionId()) {
            throw FlightErrors.invalidArgument("Basalt has no Flight SQL transactions; ingest without a transaction id");
        }
        if (command.getTemporary()) {
            throw FlightErrors.unimplemented("This version of Basalt doesn't yet support 'temporary tables'");
        }
        if (command.hasCatalog() && !command.getCatalog().isEmpty()
                && !FlightSchemas.CATALOG.equals(command.getCatalog())) {
            throw FlightErrors.notFound("Unknown catalog '" + command.getCatalog() + "'");
        }
        IngestOptions options = options(command);
        var schema = stream.getSchema();
        Iterator<VectorSchemaRoot> batches = new Iterator<>() {
            private boolean fetched;
            private boolean available;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    available = stream.next();
                    fetched = true;
                }
                return available;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                return stream.getRoot();
            }
        };
        return session.call(s -> s.ingest(options, schema, batches));
    }

    static IngestOptions options(CommandStatementIngest command) {
        TableDefinitionOptions o = command.getTableDefinitionOptions();
        IngestOptions.IfMissing ifMissing = switch (o.getIfNotExist()) {
            case TABLE_NOT_EXIST_OPTION_CREATE -> IngestOptions.IfMissing.CREATE;
            default -> IngestOptions.IfMissing.FAIL;
        };
        IngestOptions.IfExists ifExists = switch (o.getIfExists()) {
            case TABLE_EXISTS_OPTION_APPEND -> IngestOptions.IfExists.APPEND;
            case TABLE_EXISTS_OPTION_REPLACE -> IngestOptions.IfExists.REPLACE;
            default -> IngestOptions.IfExists.FAIL;
        };
        String database = command.hasSchema() && !command.getSchema().isEmpty() ? command.getSchema() : null;
        if (command.getTable().isEmpty()) {
            throw FlightErrors.invalidArgument("Bulk ingest needs a table name");
        }
        return new IngestOptions(database, command.getTable(), ifMissing, ifExists);
    }
}
