package io.basalt.flight;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.basalt.error.BasaltException;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalog metadata commands, answered by querying information_schema through the client's
 * session: databases are Flight SQL db_schemas under the single catalog "def" (what
 * information_schema calls TABLE_CATALOG). Foreign keys do not exist in Basalt, so the key
 * commands other than primary keys answer with no rows.
 */
final class MetadataCommands {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataCommands.class);
    /** Flight table types and the information_schema TABLE_TYPE each stands for. */
    private static final String[][] TABLE_TYPES = {{"TABLE", "BASE TABLE"}, {"VIEW", "VIEW"}};

    private final BufferAllocator allocator;

    MetadataCommands(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** The FlightInfo of a metadata command: its ticket is the command, answered by DoGet. */
    static FlightInfo info(Message command, FlightDescriptor descriptor, Schema schema) {
        Ticket ticket = new Ticket(Any.pack(command).toByteArray());
        return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(ticket)), -1, -1);
    }

    /** Sends rows of plain values as one batch of {@code schema}. */
    void send(ServerStreamListener listener, Schema schema, List<Object[]> rows) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            RootWriter.write(root, rows);
            listener.start(root);
            if (!rows.isEmpty()) {
                listener.putNext();
            }
            listener.completed();
        }
    }

    List<Object[]> catalogs() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {FlightSchemas.CATALOG});
        return rows;
    }

    List<Object[]> tableTypes() {
        List<Object[]> rows = new ArrayList<>();
        for (String[] t : TABLE_TYPES) {
            rows.add(new Object[] {t[0]});
        }
        return rows;
    }

    List<Object[]> dbSchemas(FlightSession session, CommandGetDbSchemas command) {
        if (command.hasCatalog() && !FlightSchemas.CATALOG.equals(command.getCatalog())) {
            return new ArrayList<>();
        }
        StringBuilder sql = new StringBuilder("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA");
        if (command.hasDbSchemaFilterPattern()) {
            sql.append(" WHERE SCHEMA_NAME LIKE ").append(SmallResults.literal(command.getDbSchemaFilterPattern()));
        }
        sql.append(" ORDER BY SCHEMA_NAME");
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : session.call(s -> SmallResults.query(s, sql.toString()))) {
            rows.add(new Object[] {FlightSchemas.CATALOG, r[0]});
        }
        return rows;
    }

    List<Object[]> tables(FlightSession session, CommandGetTables command) {
        if (command.hasCatalog() && !FlightSchemas.CATALOG.equals(command.getCatalog())) {
            return new ArrayList<>();
        }
        List<String> where = new ArrayList<>();
        if (command.hasDbSchemaFilterPattern()) {
            where.add("TABLE_SCHEMA LIKE " + SmallResults.literal(command.getDbSchemaFilterPattern()));
        }
        if (command.hasTableNameFilterPattern()) {
            where.add("TABLE_NAME LIKE " + SmallResults.literal(command.getTableNameFilterPattern()));
        }
        if (command.getTableTypesCount() > 0) {
            List<String> types = new ArrayList<>();
            for (String t : command.getTableTypesList()) {
                String stored = storedTableType(t);
                if (stored != null) {
                    types.add(SmallResults.literal(stored));
                }
            }
            if (types.isEmpty()) {
                return new ArrayList<>();
            }
            where.add("TABLE_TYPE IN (" + String.join(", ", types) + ")");
        }
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
        return session.call(s -> {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : SmallResults.query(s, sql)) {
                String db = (String) r[0];
                String table = (String) r[1];
                String type = flightTableType((String) r[2]);
                if (command.getIncludeSchema()) {
                    rows.add(new Object[] {FlightSchemas.CATALOG, db, table, type, tableSchema(s, db, table)});
                } else {
                    rows.add(new Object[] {FlightSchemas.CATALOG, db, table, type});
                }
            }
            return rows;
        });
    }

    /**
     * A table's columns as Arrow fields: the schema of selecting no rows from it. A view that no
     * longer plans (its tables dropped) gets an empty schema rather than failing the listing.
     */
    private static byte[] tableSchema(io.basalt.session.Session s, String db, String table) {
        String sql = "SELECT * FROM " + SmallResults.identifier(db) + "." + SmallResults.identifier(table) + " LIMIT 0";
        Schema schema;
        try (QueryResult result = s.execute(sql)) {
            schema = result instanceof QueryResult.Rows rows ? rows.stream().schema() : new Schema(List.of());
        } catch (BasaltException e) {
            LOG.debug("no schema for {}.{}: {}", db, table, e.getMessage());
            schema = new Schema(List.of());
        }
        return FlightSchemas.forClients(schema).serializeAsMessage();
    }

    List<Object[]> primaryKeys(FlightSession session, CommandGetPrimaryKeys command) {
        if (command.hasCatalog() && !FlightSchemas.CATALOG.equals(command.getCatalog())) {
            return new ArrayList<>();
        }
        StringBuilder sql = new StringBuilder("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, "
                + "CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_NAME = 'PRIMARY'"
                + " AND TABLE_NAME = ").append(SmallResults.literal(command.getTable()));
        if (command.hasDbSchema()) {
            sql.append(" AND TABLE_SCHEMA = ").append(SmallResults.literal(command.getDbSchema()));
        }
        sql.append(" ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION");
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : session.call(s -> SmallResults.query(s, sql.toString()))) {
            rows.add(new Object[] {FlightSchemas.CATALOG, r[0], r[1], r[2], ((Number) r[3]).intValue(), r[4]});
        }
        return rows;
    }

    /** Schema of GetTables answers. */
    static Schema tablesSchema(boolean includeSchema) {
        return includeSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }

    private static String storedTableType(String flightType) {
        for (String[] t : TABLE_TYPES) {
            if (t[0].equalsIgnoreCase(flightType) || t[1].equalsIgnoreCase(flightType)) {
                return t[1];
            }
        }
        return null;
    }

    private static String flightTableType(String stored) {
        for (String[] t : TABLE_TYPES) {
            if (t[1].equalsIgnoreCase(stored)) {
                return t[0];
            }
        }
        return stored.toUpperCase(Locale.ROOT);
    }
}
