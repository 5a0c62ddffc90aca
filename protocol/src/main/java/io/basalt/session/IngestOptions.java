package io.basalt.session;

import static java.util.Objects.requireNonNull;

/**
 * Where and how a bulk ingest writes (Flight SQL's CommandStatementIngest).
 *
 * @param database target database, or null for the session's current one
 * @param table target table
 * @param ifMissing what to do when the table does not exist
 * @param ifExists what to do when it does
 */
public record IngestOptions(String database, String table, IfMissing ifMissing, IfExists ifExists) {
    /** Behaviour for a missing table. */
    public enum IfMissing {
        /** Create it from the batches' schema. */
        CREATE,
        /** Fail with UNKNOWN_TABLE. */
        FAIL
    }

    /** Behaviour for an existing table. */
    public enum IfExists {
        /** Fail with TABLE_EXISTS. */
        FAIL,
        /** Add the rows. */
        APPEND,
        /** Remove all rows first, then add. */
        REPLACE
    }

    public IngestOptions {
        requireNonNull(table, "table");
        requireNonNull(ifMissing, "ifMissing");
        requireNonNull(ifExists, "ifExists");
    }
}
