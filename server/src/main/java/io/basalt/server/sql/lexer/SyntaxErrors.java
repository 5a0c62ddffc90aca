package io.basalt.server.sql.lexer;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;

/** Builds syntax errors worded as MySQL words them, so clients recognise error 1064. */
public final class SyntaxErrors {
    private SyntaxErrors() {}

    /** "You have an error in your SQL syntax; ... near '...' at line N". */
    public static BasaltException near(String sql, int offset) {
        int at = Math.max(0, Math.min(offset, sql.length()));
        String rest = sql.substring(at);
        if (rest.length() > 80) {
            rest = rest.substring(0, 80);
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return new BasaltException(ErrorCode.PARSE_ERROR,
                "You have an error in your SQL syntax; check the manual that corresponds to your Basalt server version"
                        + " for the right syntax to use near '" + rest + "' at line " + line);
    }
}
