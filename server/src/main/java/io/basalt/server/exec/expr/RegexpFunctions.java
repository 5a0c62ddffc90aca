package io.basalt.server.exec.expr;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexNode;

/**
 * REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR and REGEXP_REPLACE as MySQL 8 has them: positions
 * count characters from 1, any NULL argument gives NULL, and a constant pattern is compiled once
 * per plan (a varying one is cached while it stays the same).
 */
final class RegexpFunctions {
    private RegexpFunctions() {}

    static Scalar compile(String n, List<Scalar> args, List<RexNode> operands) {
        return switch (n) {
            case "REGEXP_LIKE" -> like(args, operands);
            case "REGEXP_INSTR" -> instr(args, operands);
            case "REGEXP_SUBSTR" -> substr(args, operands);
            case "REGEXP_REPLACE" -> replace(args, operands);
            default -> null;
        };
    }

    /** REGEXP_LIKE(expr, pat[, match_type]). */
    private static Scalar like(List<Scalar> args, List<RexNode> operands) {
        Patterns patterns = new Patterns("regexp_like", operands, 2);
        return (row, ctx) -> {
            Object[] v = evalAll(args, row, ctx);
            if (v == null) {
                return null;
            }
            Pattern p = patterns.get(v[1], at(v, 2));
            return RegexPatterns.find(p, text(v[0])) ? 1L : 0L;
        };
    }

    /** REGEXP_INSTR(expr, pat[, pos[, occurrence[, return_option[, match_type]]]]). */
    private static Scalar instr(List<Scalar> args, List<RexNode> operands) {
        Patterns patterns = new Patterns("regexp_instr", operands, 5);
        return (row, ctx) -> {
            Object[] v = evalAll(args, row, ctx);
            if (v == null) {
                return null;
            }
            long returnOption = v.length > 4 ? MysqlValues.toLong(v[4], ctx) : 0;
            if (returnOption != 0 && returnOption != 1) {
                throw new BasaltException(ErrorCode.WRONG_ARGUMENTS,
                        "Incorrect arguments to regexp_instr: return_option must be 1 or 0.");
            }
            Pattern p = patterns.get(v[1], at(v, 5));
            String s = text(v[0]);
            Matcher m = nthMatch(p, s, start(s, at(v, 2), ctx), occurrence(at(v, 3), ctx));
            if (m == null) {
                return 0L;
            }
            int index = returnOption == 0 ? m.start() : m.end();
            return (long) s.codePointCount(0, index) + 1;
        };
    }

    /** REGEXP_SUBSTR(expr, pat[, pos[, occurrence[, match_type]]]). */
    private static Scalar substr(List<Scalar> args, List<RexNode> operands) {
        Patterns patterns = new Patterns("regexp_substr", operands, 4);
        return (row, ctx) -> {
            Object[] v = evalAll(args, row, ctx);
            if (v == null) {
                return null;
            }
            Pattern p = patterns.get(v[1], at(v, 4));
            String s = text(v[0]);
            Matcher m = nthMatch(p, s, start(s, at(v, 2), ctx), occurrence(at(v, 3), ctx));
            return m == null ? null : m.group();
        };
    }

    /** REGEXP_REPLACE(expr, pat, repl[, pos[, occurrence[, match_type]]]); occurrence 0 replaces all. */
    private static Scalar replace(List<Scalar> args, List<RexNode> operands) {
        Patterns patterns = new Patterns("regexp_replace", operands, 5);
        return (row, ctx) -> {
            Object[] v = evalAll(args, row, ctx);
            if (v == null) {
                return null;
            }
            Pattern p = patterns.get(v[1], at(v, 5));
            String s = text(v[0]);
            String replacement = text(v[2]);
            int start = start(s, at(v, 3), ctx);
            long occurrence = v.length > 4 ? Math.max(0, MysqlValues.toLong(v[4], ctx)) : 0;
            Matcher m = p.matcher(s);
            StringBuilder out = new StringBuilder(s.length());
            boolean found = RegexPatterns.find(m, start);
            long seen = 0;
            try {
                while (found) {
                    seen++;
                    if (occurrence == 0 || seen == occurrence) {
                        m.appendReplacement(out, replacement);
                        if (occurrence != 0) {
                            break;
                        }
                    }
                    found = RegexPatterns.find(m, -1);
                }
            } catch (IndexOutOfBoundsException e) {
                throw indexOutOfBounds();
            } catch (IllegalArgumentException e) {
                throw new BasaltException(ErrorCode.REGEXP_ILLEGAL_ARGUMENT, "Illegal argument to a regular expression.");
            }
            m.appendTail(out);
            return out.toString();
        };
    }

    /** The matcher positioned on the {@code occurrence}-th match at or after {@code start}, or null. */
    private static Matcher nthMatch(Pattern p, String s, int start, long occurrence) {
        Matcher m = p.matcher(s);
        if (!RegexPatterns.find(m, start)) {
            return null;
        }
        for (long i = 1; i < occurrence; i++) {
            if (!RegexPatterns.find(m, -1)) {
                return null;
            }
        }
        return m;
    }

    /** The UTF-16 index of 1-based character position {@code pos} (1 when absent). */
    private static int start(String s, Object pos, ExecContext ctx) {
        if (pos == null) {
            return 0;
        }
        long p = MysqlValues.toLong(pos, ctx);
        if (p < 1 || p - 1 > s.codePointCount(0, s.length())) {
            throw indexOutOfBounds();
        }
        return s.offsetByCodePoints(0, (int) (p - 1));
    }

    private static long occurrence(Object occurrence, ExecContext ctx) {
        return occurrence == null ? 1 : Math.max(1, MysqlValues.toLong(occurrence, ctx));
    }

    private static BasaltException indexOutOfBounds() {
        return new BasaltException(ErrorCode.REGEXP_INDEX_OUT_OF_BOUNDS, "Index out of bounds in regular expression search.");
    }

    /** Every argument's value, or null when one of them is NULL. */
    private static Object[] evalAll(List<Scalar> args, Object[] row, ExecContext ctx) {
        Object[] v = new Object[args.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = args.get(i).eval(row, ctx);
            if (v[i] == null) {
                return null;
            }
        }
        return v;
    }

    private static Object at(Object[] v, int i) {
        return i < v.length ? v[i] : null;
    }

    private static String text(Object v) {
        return MysqlValues.toText(v);
    }

    /** A call's pattern: compiled at plan time when pattern and match type are literals. */
    private static final class Patterns {
        private record Compiled(String regex, int flags, Pattern pattern) {}

        private final String function;
        private final Pattern constant;
        private volatile Compiled last;

        Patterns(String function, List<RexNode> operands, int matchTypeIndex) {
            this.function = function;
            String regex = Functions.literalString(operands.get(1));
            String matchType = matchTypeIndex < operands.size() ? Functions.literalString(operands.get(matchTypeIndex)) : "";
            constant = regex != null && matchType != null
                    ? RegexPatterns.compile(regex, RegexPatterns.flags(matchType, function)) : null;
        }

        Pattern get(Object regexValue, Object matchTypeValue) {
            if (constant != null) {
                return constant;
            }
            String regex = text(regexValue);
            int flags = RegexPatterns.flags(matchTypeValue == null ? "" : text(matchTypeValue), function);
            Compiled c = last;
            if (c != null && c.flags() == flags && c.regex().equals(regex)) {
                return c.pattern();
            }
            Pattern p = RegexPatterns.compile(regex, flags);
            last = new Compiled(regex, flags, p);
            return p;
        }
    }
}
