package io.basalt.server.exec.expr;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MySQL 8 regular expressions (ICU syntax) on {@link java.util.regex}: the match_type flags,
 * ICU's POSIX bracket classes such as {@code [[:alpha:]]}, which Java would read as a plain set of
 * characters, and the MySQL error for each kind of bad pattern.
 */
final class RegexPatterns {
    /** utf8mb4_general_ci: patterns match case-insensitively unless match_type says 'c'. */
    static final int DEFAULT_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** ICU's POSIX-like set names, as Java set members. */
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}"),
            Map.entry("digit", "\\p{Nd}"),
            Map.entry("alnum", "\\p{IsAlphabetic}\\p{Nd}"),
            Map.entry("upper", "\\p{IsUppercase}"),
            Map.entry("lower", "\\p{IsLowercase}"),
            Map.entry("space", "\\p{IsWhite_Space}"),
            Map.entry("blank", "\\p{Zs}\\t"),
            Map.entry("punct", "\\p{IsPunctuation}"),
            Map.entry("cntrl", "\\p{Cc}"),
            Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("print", "\\P{C}"),
            Map.entry("graph", "[^\\p{C}\\p{Z}]"),
            Map.entry("word", "\\p{L}\\p{M}\\p{Nd}\\p{Pc}"));

    private RegexPatterns() {}

    /** Compiles an ICU-style pattern; a bad pattern raises the error MySQL raises for it. */
    static Pattern compile(String regex, int flags) {
        String translated = translatePosixClasses(regex);
        try {
            return Pattern.compile(translated, flags);
        } catch (PatternSyntaxException e) {
            throw syntaxError(e, translated.equals(regex));
        } catch (StackOverflowError e) {
            throw illegalArgument();
        }
    }

    /**
     * The flags for a match_type string: c (case-sensitive), i (case-insensitive), m (multi-line),
     * n ('.' matches line terminators), u (only '\n' ends a line); the last of c and i wins.
     */
    static int flags(String matchType, String function) {
        int flags = DEFAULT_FLAGS;
        for (int i = 0; i < matchType.length(); i++) {
            switch (matchType.charAt(i)) {
                case 'c' -> flags &= ~Pattern.CASE_INSENSITIVE;
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 'n' -> flags |= Pattern.DOTALL;
                case 'u' -> flags |= Pattern.UNIX_LINES;
                default -> throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to %s",
                        function.toLowerCase(Locale.ROOT));
            }
        }
        return flags;
    }

    /** Whether the pattern matches somewhere in {@code text}. */
    static boolean find(Pattern p, CharSequence text) {
        try {
            return p.matcher(text).find();
        } catch (StackOverflowError e) {
            throw backtrackOverflow();
        }
    }

    /** Advances {@code m} to its next match (from {@code from} when not negative). */
    static boolean find(Matcher m, int from) {
        try {
            return from >= 0 ? m.find(from) : m.find();
        } catch (StackOverflowError e) {
            throw backtrackOverflow();
        }
    }

    static BasaltException backtrackOverflow() {
        return new BasaltException(ErrorCode.REGEXP_STACK_OVERFLOW, "Overflow in the regular expression backtrack stack.");
    }

    private static BasaltException illegalArgument() {
        return new BasaltException(ErrorCode.REGEXP_ILLEGAL_ARGUMENT, "Illegal argument to a regular expression.");
    }

    private static BasaltException syntaxError(PatternSyntaxException e, boolean positionsExact) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group") || d.startsWith("Unmatched closing")) {
            return new BasaltException(ErrorCode.REGEXP_MISMATCHED_PAREN, "Mismatched parenthesis in regular expression.");
        }
        if (d.startsWith("Unclosed character class")) {
            return new BasaltException(ErrorCode.REGEXP_MISSING_CLOSE_BRACKET,
                    "The regular expression contains an unclosed bracket expression.");
        }
        if (d.startsWith("Illegal character range")) {
            return new BasaltException(ErrorCode.REGEXP_INVALID_RANGE,
                    "The regular expression contains an [x-y] character range where x comes after y.");
        }
        if (d.contains("escape sequence")) {
            return new BasaltException(ErrorCode.REGEXP_BAD_ESCAPE_SEQUENCE, "Unrecognized escape sequence in regular expression.");
        }
        if (d.startsWith("Unclosed counted closure") || d.startsWith("Illegal repetition")) {
            return new BasaltException(ErrorCode.REGEXP_BAD_INTERVAL, "Incorrect description of a {min,max} interval.");
        }
        if (d.startsWith("Unknown character property") || d.startsWith("Unknown Unicode property")
                || d.startsWith("Unknown character script") || d.startsWith("Unknown character block")) {
            return illegalArgument();
        }
        int at = positionsExact && e.getIndex() >= 0 ? e.getIndex() + 1 : 1;
        return BasaltException.of(ErrorCode.REGEXP_RULE_SYNTAX,
                "Syntax error in regular expression on line 1, character %d.", at);
    }

    /**
     * Rewrites {@code [:name:]} (inside or outside a bracket expression) to Java property classes.
     * Escapes and {@code \Q...\E} quoting are copied as they are.
     */
    static String translatePosixClasses(String regex) {
        if (regex.indexOf("[:") < 0) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() + 16);
        int depth = 0;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (regex.charAt(i + 1) == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(regex, i, stop);
                    i = stop;
                } else {
                    out.append(c).append(regex.charAt(i + 1));
                    i += 2;
                }
                continue;
            }
            if (c == '[' && regex.startsWith("[:", i)) {
                int close = regex.indexOf(":]", i + 2);
                if (close > 0) {
                    String name = regex.substring(i + 2, close);
                    boolean negated = name.startsWith("^");
                    String members = posixMembers(negated ? name.substring(1) : name);
                    String set = negated ? "[^" + members + "]" : members;
                    out.append(depth == 0 ? "[" + set + "]" : set);
                    i = close + 2;
                    continue;
                }
            }
            if (c == '[') {
                depth++;
                out.append(c);
                i++;
                // A ']' first in a set (after an optional '^') is a literal member.
                if (i < n && regex.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (depth == 1 && i < n && regex.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == ']' && depth > 0) {
                depth--;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String posixMembers(String name) {
        String members = POSIX_CLASSES.get(name.toLowerCase(Locale.ROOT));
        if (members != null) {
            return members;
        }
        // ICU accepts any Unicode property here ([:Letter:], [:Greek:]); Java knows most by the same name.
        if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '=')) {
            throw illegalArgument();
        }
        return "\\p{" + name + "}";
    }
}
