package io.basalt.session;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One client's conversation with the database. Both protocol faces drive a session through this
 * interface only; they encode its {@link QueryResult}s and never own SQL behaviour.
 *
 * <p>A session is used by one thread at a time, except {@link #cancel()}, which may be called from
 * any thread.
 */
public interface Session extends AutoCloseable {

    /** The connection id shown in SHOW PROCESSLIST and used by KILL. */
    long connectionId();

    /** The authenticated user name. */
    String user();

    /** The current database, or null when none is selected. */
    String database();

    /**
     * Makes {@code database} current (COM_INIT_DB, USE).
     *
     * @throws io.basalt.error.BasaltException UNKNOWN_DATABASE when it does not exist
     */
    void useDatabase(String database);

    /**
     * Splits a multi-statement text into single statements, following the SQL lexer (quotes,
     * comments); empty statements are dropped.
     */
    List<String> splitStatements(String sql);

    /**
     * Executes one statement. A row result must be closed by the caller once encoded.
     *
     * @throws io.basalt.error.BasaltException for any user-facing failure
     */
    QueryResult execute(String sql);

    /**
     * Prepares a statement with {@code ?} placeholders (COM_STMT_PREPARE, Flight prepared
     * statements).
     *
     * @throws io.basalt.error.BasaltException when the statement does not parse or validate
     */
    PreparedStatement prepare(String sql);

    /**
     * Bulk-loads Arrow batches into a table. Columns are matched by name (case-insensitive);
     * table columns the batches lack take their defaults. Each batch is committed as it arrives.
     *
     * @param schema the batches' schema (used to create the table when it is missing)
     * @param batches the data; each root is read before the next is requested
     * @return rows written
     * @throws io.basalt.error.BasaltException for missing or existing tables per {@code options},
     *     values that do not fit their columns, or write failures
     */
    long ingest(IngestOptions options, Schema schema, java.util.Iterator<org.apache.arrow.vector.VectorSchemaRoot> batches);

    /**
     * The columns of {@code table} in the current database whose names match the LIKE pattern
     * {@code wildcard} (null matches all), for COM_FIELD_LIST.
     */
    Schema listFields(String table, String wildcard);

    /** Whether autocommit is on; reported in MySQL status flags. */
    boolean autocommit();

    /** Whether an explicit transaction is open; reported in MySQL status flags. */
    boolean inTransaction();

    /** Asks the running statement, if any, to stop; it then fails with QUERY_INTERRUPTED. */
    void cancel();

    /**
     * Gives the session the means to end its client's connection, which KILL CONNECTION from
     * another session uses. The protocol face calls it once, right after the session opens.
     */
    default void attachDisconnect(Runnable disconnect) {}

    /** Ends the session and releases everything it holds. Never throws. */
    @Override
    void close();
}
