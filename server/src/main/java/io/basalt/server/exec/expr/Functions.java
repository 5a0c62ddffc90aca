package io.basalt.server.exec.expr;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The scalar function library: math, control flow and session information here; strings in
 * {@link StringFunctions} and {@link EncodingFunctions}; dates in {@link DateFunctions}; TIME values in
 * {@link TimeFunctions}; regular expressions in {@link RegexpFunctions}; JSON in {@link JsonFunctions}.
 */
final class Functions {
    private Functions() {}

    static Scalar compile(String name, List<Scalar> args, List<RexNode> operands, RelDataType type,
            ScalarCompiler compiler) {
        String n = name.toUpperCase(Locale.ROOT);
        Scalar s = MathFunctions.compile(n, args, operands, type);
        if (s != null) {
            return s;
        }
        s = StringFunctions.compile(n, args, operands, type);
        if (s != null) {
            return s;
        }
        s = TimeFunctions.compile(n, args, type);
        if (s != null) {
            return s;
        }
        s = DateFunctions.compile(n, args, operands, type);
        if (s != null) {
            return s;
        }
        s = RegexpFunctions.compile(n, args, operands);
        if (s != null) {
            return s;
        }
        s = JsonFunctions.compile(n, args, operands);
        if (s != null) {
            return s;
        }
        s = EncodingFunctions.compile(n, args);
        if (s != null) {
            return s;
        }
        switch (n) {
            case "IFNULL" -> {
                Scalar a = args.get(0);
                Scalar b = args.get(1);
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    return coerce(v != null ? v : b.eval(row, ctx), type, ctx);
                };
            }
            case "$IF" -> {
                Scalar c = args.get(0);
                Scalar a = args.get(1);
                Scalar b = args.get(2);
                return (row, ctx) -> coerce(Boolean.TRUE.equals(MysqlValues.truth(c.eval(row, ctx), ctx))
                        ? a.eval(row, ctx) : b.eval(row, ctx), type, ctx);
            }
            case "DATABASE" -> {
                return (row, ctx) -> ctx.env().database();
            }
            case "USER" -> {
                return (row, ctx) -> ctx.env().user() + "@" + ctx.env().host();
            }
            case "CURRENT_USER" -> {
                return (row, ctx) -> ctx.env().currentUser();
            }
            case "VERSION" -> {
                return (row, ctx) -> ctx.env().serverVersion();
            }
            case "CONNECTION_ID" -> {
                return (row, ctx) -> ctx.env().connectionId();
            }
            case "LAST_INSERT_ID" -> {
                if (args.isEmpty()) {
                    return (row, ctx) -> ctx.env().lastInsertId();
                }
                Scalar a = args.get(0);
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    return v == null ? 0L : MysqlValues.toLong(v, ctx);
                };
            }
            case "ROW_COUNT" -> {
                return (row, ctx) -> ctx.env().rowCount();
            }
            case "FOUND_ROWS" -> {
                return (row, ctx) -> ctx.env().foundRows();
            }
            case "SLEEP" -> {
                Scalar a = args.get(0);
                return (row, ctx) -> sleep(a.eval(row, ctx), ctx);
            }
            case "CHARSET" -> {
                return (row, ctx) -> "utf8mb4";
            }
            case "COLLATION" -> {
                return (row, ctx) -> "utf8mb4_general_ci";
            }
            case "$VALUES" -> {
                throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                        "This version of Basalt doesn't yet support 'VALUES() outside ON DUPLICATE KEY UPDATE'");
            }
            default -> throw BasaltException.of(ErrorCode.UNKNOWN_FUNCTION, "FUNCTION %s does not exist", name);
        }
    }

    /** Converts a branch value to the common result type of IF/IFNULL. */
    static Object coerce(Object v, RelDataType type, ExecContext ctx) {
        if (v == null) {
            return null;
        }
        return switch (type.getSqlTypeName()) {
            case VARCHAR, CHAR -> MysqlValues.toText(v);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> v instanceof Long ? v : MysqlValues.toLong(v, ctx);
            case DECIMAL -> Casts.toDecimal(v, type.getPrecision(), type.getScale(), ctx);
            case DOUBLE, REAL, FLOAT -> v instanceof Double ? v : MysqlValues.toDouble(v, ctx);
            default -> v;
        };
    }

    private static Object sleep(Object seconds, ExecContext ctx) {
        if (seconds == null) {
            return 0L;
        }
        double s = MysqlValues.toDouble(seconds, ctx);
        long until = System.nanoTime() + (long) (s * 1e9);
        while (System.nanoTime() < until) {
            if (ctx.isCancelled()) {
                // MySQL's SLEEP returns 1 when interrupted; the statement then reports the kill.
                ctx.checkCancelled();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.cancel();
            }
        }
        return 0L;
    }

    // ---- helpers shared by the function groups ---------------------------------------------

    static Scalar unary(Scalar a, Function<Object, Object> f) {
        return (row, ctx) -> {
            Object v = a.eval(row, ctx);
            return v == null ? null : f.apply(v);
        };
    }

    interface CtxUnary {
        Object apply(Object v, ExecContext ctx);
    }

    static Scalar unary(Scalar a, CtxUnary f) {
        return (row, ctx) -> {
            Object v = a.eval(row, ctx);
            return v == null ? null : f.apply(v, ctx);
        };
    }

    static Scalar binary(Scalar a, Scalar b, BiFunction<Object, Object, Object> f) {
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            if (x == null) {
                return null;
            }
            Object y = b.eval(row, ctx);
            return y == null ? null : f.apply(x, y);
        };
    }

    interface CtxBinary {
        Object apply(Object a, Object b, ExecContext ctx);
    }

    /** A function of two arguments that is NULL when either is. */
    static Scalar binaryCtx(Scalar a, Scalar b, CtxBinary f) {
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            if (x == null) {
                return null;
            }
            Object y = b.eval(row, ctx);
            return y == null ? null : f.apply(x, y, ctx);
        };
    }

    static String literalString(RexNode n) {
        return n instanceof RexLiteral lit && !lit.isNull() ? MysqlValues.toText(Literals.value(lit)) : null;
    }

    // ---- operators implemented here -----------------------------------------------------------

    /** {@code & | ^ << >>} on 64-bit unsigned operands, as MySQL computes them; the shift count is unsigned too. */
    static Scalar bitwise(String op, Scalar a, Scalar b) {
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            Object y = b.eval(row, ctx);
            if (x == null || y == null) {
                return null;
            }
            long l = UnsignedBits.of(x, ctx);
            long r = UnsignedBits.of(y, ctx);
            return UnsignedBits.value(switch (op) {
                case "&" -> l & r;
                case "|" -> l | r;
                case "^" -> l ^ r;
                case "<<" -> r >= 64 || r < 0 ? 0L : l << r;
                default -> r >= 64 || r < 0 ? 0L : l >>> r;
            });
        };
    }

    /** {@code ~x} on a 64-bit unsigned operand. */
    static Scalar bitNot(Scalar a) {
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            return x == null ? null : UnsignedBits.value(~UnsignedBits.of(x, ctx));
        };
    }

    static Scalar like(List<Scalar> args, List<RexNode> operands, boolean negated) {
        Scalar value = args.get(0);
        Scalar pattern = args.get(1);
        Scalar escape = args.size() > 2 ? args.get(2) : null;
        String constantPattern = literalString(operands.get(1));
        Pattern compiled = constantPattern != null && escape == null ? LikePatterns.compile(constantPattern, '\\') : null;
        return (row, ctx) -> {
            Object v = value.eval(row, ctx);
            if (v == null) {
                return null;
            }
            Pattern p = compiled;
            if (p == null) {
                Object pv = pattern.eval(row, ctx);
                if (pv == null) {
                    return null;
                }
                char esc = '\\';
                if (escape != null) {
                    Object e = escape.eval(row, ctx);
                    String es = e == null ? "" : MysqlValues.toText(e);
                    esc = es.isEmpty() ? '\\' : es.charAt(0);
                }
                p = LikePatterns.compile(MysqlValues.toText(pv), esc);
            }
            boolean m = p.matcher(MysqlValues.toText(v)).matches();
            return negated != m;
        };
    }

    static Scalar regexp(Scalar value, Scalar pattern, RexNode patternNode) {
        String constant = literalString(patternNode);
        Pattern compiled = constant == null ? null : RegexPatterns.compile(constant, RegexPatterns.DEFAULT_FLAGS);
        return (row, ctx) -> {
            Object v = value.eval(row, ctx);
            if (v == null) {
                return null;
            }
            Pattern p = compiled;
            if (p == null) {
                Object pv = pattern.eval(row, ctx);
                if (pv == null) {
                    return null;
                }
                p = RegexPatterns.compile(MysqlValues.toText(pv), RegexPatterns.DEFAULT_FLAGS);
            }
            return RegexPatterns.find(p, MysqlValues.toText(v));
        };
    }

    static BigDecimal round(BigDecimal d, int digits) {
        return d.setScale(digits, RoundingMode.HALF_UP);
    }

    static boolean isExactType(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.DECIMAL;
    }
}
