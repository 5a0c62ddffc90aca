package io.basalt.server.sql.parser;

import java.util.List;
import java.util.TreeSet;

/** The reserved words of Basalt's dialect, for information_schema.KEYWORDS and JDBC metadata. */
public final class Keywords {
    private Keywords() {}

    public static List<String> reserved() {
        return List.copyOf(new TreeSet<>(TokenCursor.reservedWords()));
    }
}
