package io.basalt.session;

/**
 * The outcome of one statement: rows as a stream of Arrow record batches, or an update count.
 */
public sealed interface QueryResult extends AutoCloseable {

    /** Number of warnings the statement raised (SHOW WARNINGS lists them). */
    int warnings();

    @Override
    void close();

    /**
     * A statement that returns no rows.
     *
     * @param affectedRows rows inserted, updated or deleted (0 for DDL)
     * @param lastInsertId the first auto-increment value generated, or 0
     * @param warnings warning count
     * @param info optional human-readable info (MySQL sends it in the OK packet), or null
     */
    record UpdateCount(long affectedRows, long lastInsertId, int warnings, String info)
            implements QueryResult {
        public static UpdateCount ok() {
            return new UpdateCount(0, 0, 0, null);
        }

        public static UpdateCount of(long affectedRows) {
            return new UpdateCount(affectedRows, 0, 0, null);
        }

        @Override
        public void close() {}
    }

    /**
     * A row-returning statement. The encoder reads {@link BatchStream#root()} after each
     * successful {@link BatchStream#next()} and must close the result when done, even after an
     * error or a client disconnect.
     */
    record Rows(BatchStream stream, int warnings) implements QueryResult {
        @Override
        public void close() {
            stream.close();
        }
    }
}
