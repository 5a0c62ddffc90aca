package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Arithmetic with MySQL semantics, specialised by the result type the planner derived: BIGINT
 * arithmetic fails on overflow (error 1690), DECIMAL is exact, DOUBLE is IEEE; division and
 * modulo by zero give NULL with a warning.
 */
final class Arithmetic {
    private static final int WARN_DIVISION_BY_ZERO = 1365;

    private Arithmetic() {}

    enum Kind { ADD, SUBTRACT, MULTIPLY, DIVIDE, INT_DIVIDE, MOD }

    private enum Domain { LONG, DECIMAL, DOUBLE }

    private static Domain domain(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, BOOLEAN -> Domain.LONG;
            case DECIMAL -> Domain.DECIMAL;
            default -> Domain.DOUBLE;
        };
    }

    static Scalar binary(Kind kind, Scalar a, Scalar b, RelDataType resultType, String text) {
        Domain d = kind == Kind.INT_DIVIDE ? Domain.LONG : domain(resultType);
        int scale = resultType.getSqlTypeName() == SqlTypeName.DECIMAL ? resultType.getScale() : 0;
        return switch (d) {
            case LONG -> (row, ctx) -> {
                Object x = a.eval(row, ctx);
                if (x == null) {
                    return null;
                }
                Object y = b.eval(row, ctx);
                if (y == null) {
                    return null;
                }
                return longOp(kind, x, y, ctx, text);
            };
            case DECIMAL -> (row, ctx) -> {
                Object x = a.eval(row, ctx);
                if (x == null) {
                    return null;
                }
                Object y = b.eval(row, ctx);
                if (y == null) {
                    return null;
                }
                return decimalOp(kind, MysqlValues.toDecimal(x, ctx), MysqlValues.toDecimal(y, ctx), scale, ctx);
            };
            case DOUBLE -> (row, ctx) -> {
                Object x = a.eval(row, ctx);
                if (x == null) {
                    return null;
                }
                Object y = b.eval(row, ctx);
                if (y == null) {
                    return null;
                }
                return doubleOp(kind, MysqlValues.toDouble(x, ctx), MysqlValues.toDouble(y, ctx), ctx, text);
            };
        };
    }

    private static Object longOp(Kind kind, Object x, Object y, ExecContext ctx, String text) {
        if (kind == Kind.INT_DIVIDE && !(isIntegral(x) && isIntegral(y))) {
            BigDecimal bx = MysqlValues.toDecimal(x, ctx);
            BigDecimal by = MysqlValues.toDecimal(y, ctx);
            if (by.signum() == 0) {
                ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                return null;
            }
            BigDecimal q = bx.divideToIntegralValue(by);
            if (q.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw MysqlValues.bigintOutOfRange(text);
            }
            return q.longValue();
        }
        long l = MysqlValues.toLong(x, ctx);
        long r = MysqlValues.toLong(y, ctx);
        try {
            return switch (kind) {
                case ADD -> Math.addExact(l, r);
                case SUBTRACT -> Math.subtractExact(l, r);
                case MULTIPLY -> Math.multiplyExact(l, r);
                case INT_DIVIDE -> {
                    if (r == 0) {
                        ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                        yield null;
                    }
                    if (l == Long.MIN_VALUE && r == -1) {
                        throw MysqlValues.bigintOutOfRange(text);
                    }
                    yield l / r;
                }
                case MOD -> {
                    if (r == 0) {
                        ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                        yield null;
                    }
                    yield r == -1 ? 0L : l % r;
                }
                case DIVIDE -> {
                    if (r == 0) {
                        ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                        yield null;
                    }
                    yield l / r;
                }
            };
        } catch (ArithmeticException e) {
            throw MysqlValues.bigintOutOfRange(text);
        }
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    private static Object decimalOp(Kind kind, BigDecimal x, BigDecimal y, int scale, ExecContext ctx) {
        BigDecimal r = switch (kind) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> {
                if (y.signum() == 0) {
                    ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                    yield null;
                }
                yield x.divide(y, scale, RoundingMode.HALF_UP);
            }
            case MOD -> {
                if (y.signum() == 0) {
                    ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                    yield null;
                }
                yield x.remainder(y);
            }
            case INT_DIVIDE -> throw new IllegalStateException();
        };
        if (r == null) {
            return null;
        }
        return r.scale() == scale ? r : r.setScale(scale, RoundingMode.HALF_UP);
    }

    private static Object doubleOp(Kind kind, double x, double y, ExecContext ctx, String text) {
        double r = switch (kind) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> {
                if (y == 0) {
                    ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                    yield Double.NaN;
                }
                yield x / y;
            }
            case MOD -> {
                if (y == 0) {
                    ctx.warn(WARN_DIVISION_BY_ZERO, "Division by 0");
                    yield Double.NaN;
                }
                yield x % y;
            }
            case INT_DIVIDE -> throw new IllegalStateException();
        };
        if (Double.isNaN(r) && (kind == Kind.DIVIDE || kind == Kind.MOD) && y == 0) {
            return null;
        }
        if (Double.isInfinite(r) || Double.isNaN(r)) {
            throw MysqlValues.doubleOutOfRange(text);
        }
        return r;
    }

    static Scalar negate(Scalar a, RelDataType resultType, String text) {
        Domain d = domain(resultType);
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            if (x == null) {
                return null;
            }
            switch (d) {
                case LONG -> {
                    long l = MysqlValues.toLong(x, ctx);
                    if (l == Long.MIN_VALUE) {
                        throw MysqlValues.bigintOutOfRange(text);
                    }
                    return -l;
                }
                case DECIMAL -> {
                    return MysqlValues.toDecimal(x, ctx).negate();
                }
                default -> {
                    return -MysqlValues.toDouble(x, ctx);
                }
            }
        };
    }
}
