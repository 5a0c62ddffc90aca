package io.basalt.server.exec.expr;

/** LIKE matching of a value against a pattern, case-insensitive, for SHOW ... LIKE. */
public final class LikeMatcher {
    private LikeMatcher() {}

    public static boolean matches(String value, String pattern) {
        return value != null && LikePatterns.compile(pattern, '\\').matcher(value).matches();
    }
}
