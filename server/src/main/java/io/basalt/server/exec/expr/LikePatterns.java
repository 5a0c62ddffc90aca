package io.basalt.server.exec.expr;

import java.util.regex.Pattern;

/** Translates SQL LIKE patterns to regular expressions matching case-insensitively, as MySQL's _ci collations do. */
final class LikePatterns {
    private LikePatterns() {}

    static Pattern compile(String like, char escape) {
        StringBuilder sb = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == escape && i + 1 < like.length()) {
                sb.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
