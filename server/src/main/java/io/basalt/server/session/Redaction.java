package io.basalt.server.session;

import java.util.regex.Pattern;

/** Hides passwords in statement text before it reaches logs or SHOW PROCESSLIST. */
final class Redaction {
    private static final Pattern IDENTIFIED = Pattern.compile(
            "(?i)(IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?BY\\s+)('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern SET_PASSWORD = Pattern.compile(
            "(?i)(PASSWORD\\s*(?:FOR\\s+\\S+\\s*)?=\\s*(?:PASSWORD\\s*\\(\\s*)?)('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\")");

    private Redaction() {}

    static String redact(String sql) {
        if (sql == null) {
            return null;
        }
        String r = IDENTIFIED.matcher(sql).replaceAll("$1<secret>");
        return SET_PASSWORD.matcher(r).replaceAll("$1<secret>");
    }
}
