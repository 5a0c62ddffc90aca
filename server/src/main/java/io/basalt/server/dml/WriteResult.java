package io.basalt.server.dml;

import io.basalt.server.exec.ExecContext;
import java.util.List;

/**
 * What a write did: rows affected as MySQL counts them, the first generated AUTO_INCREMENT value
 * (0 when none), matched rows for UPDATE (rows given for INSERT), rows that met a duplicate key
 * (INSERT ... ON DUPLICATE KEY UPDATE), and warnings.
 */
public record WriteResult(long affectedRows, long lastInsertId, long matchedRows, long duplicates,
        List<ExecContext.Warning> warnings) {
    public WriteResult(long affectedRows, long lastInsertId, long matchedRows, List<ExecContext.Warning> warnings) {
        this(affectedRows, lastInsertId, matchedRows, 0, warnings);
    }

    public static WriteResult of(long affected) {
        return new WriteResult(affected, 0, affected, List.of());
    }
}
