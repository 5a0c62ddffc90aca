package io.basalt.jdbc;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQL text does, judged from its first keyword, so the driver knows where to send it and
 * whether it may run it again on another node.
 */
enum StatementKind {
    /** Reads only: SELECT, WITH, SHOW, DESCRIBE, EXPLAIN... Safe to run again on another node. */
    READ,
    /**
     * Changes the session of the node connection it runs on (USE, SET of session variables): run
     * on every node connection and run again on each new one.
     */
    SESSION,
    /** Anything else: DDL, DML, admin SQL. Sent to the leader; never run twice. */
    WRITE;

    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN",
            "VALUES", "TABLE", "HELP");
    private static final Pattern FIRST_WORDS = Pattern.compile("^[\\s(]*([A-Za-z_]+)(?:\\s+([A-Za-z_@]+))?");
    private static final Pattern USE = Pattern.compile("^\\s*USE\\s+(`([^`]|``)+`|[^\\s;`]+)\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> UNDESCRIBED_READS = Set.of("SHOW", "DESCRIBE", "DESC", "EXPLAIN", "HELP");

    /**
     * Whether the statement is a read whose columns the server knows only by running it (SHOW,
     * DESCRIBE, EXPLAIN): those run as plain Flight SQL queries, not prepared statements.
     */
    static boolean isUndescribedRead(String sql) {
        Matcher m = FIRST_WORDS.matcher(stripComments(sql));
        return m.find() && UNDESCRIBED_READS.contains(m.group(1).toUpperCase(Locale.ROOT));
    }

    static StatementKind of(String sql) {
        Matcher m = FIRST_WORDS.matcher(stripComments(sql));
        if (!m.find()) {
            return WRITE;
        }
        String first = m.group(1).toUpperCase(Locale.ROOT);
        String second = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        if (READ_KEYWORDS.contains(first)) {
            return READ;
        }
        if (first.equals("USE")) {
            return SESSION;
        }
        if (first.equals("SET")) {
            // SET GLOBAL and SET PASSWORD change the server, not the session.
            boolean server = second.equals("GLOBAL") || second.equals("PASSWORD") || second.startsWith("@@GLOBAL");
            return server ? WRITE : SESSION;
        }
        return WRITE;
    }

    /** The database a {@code USE db} statement switches to, unquoted; null for any other statement. */
    static String usedDatabase(String sql) {
        Matcher m = USE.matcher(stripComments(sql));
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        if (name.startsWith("`")) {
            return name.substring(1, name.length() - 1).replace("``", "`");
        }
        return name;
    }

    /** Drops leading comments ({@code -- ...}, {@code # ...}, {@code /* ... *}{@code /}). */
    static String stripComments(String sql) {
        String s = sql;
        while (true) {
            String t = s.stripLeading();
            if (t.startsWith("--") || t.startsWith("#")) {
                int nl = t.indexOf('\n');
                s = nl < 0 ? "" : t.substring(nl + 1);
            } else if (t.startsWith("/*")) {
                int end = t.indexOf("*/");
                s = end < 0 ? "" : t.substring(end + 2);
            } else {
                return t;
            }
        }
    }
}
