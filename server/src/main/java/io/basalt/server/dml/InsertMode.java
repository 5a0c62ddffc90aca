package io.basalt.server.dml;

/** How a write treats rows whose unique key is already taken. */
public enum InsertMode {
    /** Fail with a duplicate-key error. */
    INSERT,
    /** Skip the row with a warning (INSERT IGNORE). */
    IGNORE,
    /** Delete the old rows, then insert (REPLACE, and StarRocks PRIMARY KEY tables). */
    REPLACE
}
