package io.basalt.server.state;

import io.basalt.server.exec.ExecContext;
import java.util.List;

/**
 * The outcome of applying a command, returned to the proposing session.
 *
 * @param affectedRows rows affected, as MySQL counts them
 * @param lastInsertId first AUTO_INCREMENT value generated, or 0
 * @param warnings warnings raised while applying
 * @param info MySQL's info text (e.g. "Rows matched: 1  Changed: 1  Warnings: 0"), or null
 */
public record ApplyResult(long affectedRows, long lastInsertId, List<ExecContext.Warning> warnings, String info) {
    public static final ApplyResult OK = new ApplyResult(0, 0, List.of(), null);

    public static ApplyResult of(long affected) {
        return new ApplyResult(affected, 0, List.of(), null);
    }

    public static ApplyResult warning(int code, String message) {
        return new ApplyResult(0, 0, List.of(new ExecContext.Warning("Note", code, message)), null);
    }
}
