package io.basalt.tests.slt;

/**
 * One failed record, as the report shows it.
 *
 * @param line the record's line in its file
 * @param sql the SQL that ran
 * @param expected what the script expected (values one per line, a hash line, "ok" or "error")
 * @param actual what the server produced, in the same shape; null when it raised an error instead
 * @param error the server's error message when one was raised unexpectedly, else null
 */
public record RecordFailure(int line, String sql, String expected, String actual, String error) {
}
