package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.CRC32;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** Numeric functions: ABS, CEIL, FLOOR, ROUND, TRUNCATE, SIGN, POW, SQRT, LOG, trig, GREATEST... */
final class MathFunctions {
    private MathFunctions() {}

    static Scalar compile(String n, List<Scalar> args, List<RexNode> operands, RelDataType type) {
        SqlTypeName result = type.getSqlTypeName();
        switch (n) {
            case "ABS" -> {
                return Functions.unary(args.get(0), (v, ctx) -> switch (result) {
                    case BIGINT, INTEGER -> {
                        long l = MysqlValues.toLong(v, ctx);
                        if (l == Long.MIN_VALUE) {
                            throw MysqlValues.bigintOutOfRange("abs(" + l + ")");
                        }
                        yield Math.abs(l);
                    }
                    case DECIMAL -> MysqlValues.toDecimal(v, ctx).abs();
                    default -> Math.abs(MysqlValues.toDouble(v, ctx));
                });
            }
            case "CEIL", "CEILING", "FLOOR" -> {
                boolean ceil = !n.equals("FLOOR");
                RoundingMode mode = ceil ? RoundingMode.CEILING : RoundingMode.FLOOR;
                return Functions.unary(args.get(0), (v, ctx) -> switch (result) {
                    case BIGINT -> v instanceof Long ? v : MysqlValues.toDecimal(v, ctx).setScale(0, mode).longValue();
                    case DECIMAL -> MysqlValues.toDecimal(v, ctx).setScale(0, mode);
                    default -> ceil ? Math.ceil(MysqlValues.toDouble(v, ctx)) : Math.floor(MysqlValues.toDouble(v, ctx));
                });
            }
            case "ROUND", "TRUNCATE" -> {
                boolean round = n.equals("ROUND");
                Scalar a = args.get(0);
                Scalar d = args.size() > 1 ? args.get(1) : null;
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    int digits = 0;
                    if (d != null) {
                        Object dv = d.eval(row, ctx);
                        if (dv == null) {
                            return null;
                        }
                        digits = (int) Math.max(-100, Math.min(100, MysqlValues.toLong(dv, ctx)));
                    }
                    return roundTo(v, digits, round, type, ctx);
                };
            }
            case "SIGN" -> {
                return Functions.unary(args.get(0), (v, ctx) -> (long) Math.signum(MysqlValues.toDouble(v, ctx)));
            }
            case "POW", "POWER" -> {
                return Functions.binary(args.get(0), args.get(1), (x, y) -> checked(Math.pow(MysqlValues.toDouble(x, null0()),
                        MysqlValues.toDouble(y, null0())), "pow"));
            }
            case "SQRT" -> {
                return nanToNull(args.get(0), Math::sqrt);
            }
            case "EXP" -> {
                return Functions.unary(args.get(0), (v, ctx) -> checked(Math.exp(MysqlValues.toDouble(v, ctx)), "exp"));
            }
            case "LN" -> {
                return logarithm(args.get(0), Math::log);
            }
            case "LOG2" -> {
                return logarithm(args.get(0), x -> Math.log(x) / Math.log(2));
            }
            case "LOG10" -> {
                return logarithm(args.get(0), Math::log10);
            }
            case "LOG" -> {
                if (args.size() == 1) {
                    return logarithm(args.get(0), Math::log);
                }
                Scalar base = args.get(0);
                Scalar x = args.get(1);
                return (row, ctx) -> {
                    Object b = base.eval(row, ctx);
                    Object v = x.eval(row, ctx);
                    if (b == null || v == null) {
                        return null;
                    }
                    double bd = MysqlValues.toDouble(b, ctx);
                    double xd = MysqlValues.toDouble(v, ctx);
                    if (bd <= 0 || bd == 1 || xd <= 0) {
                        return null;
                    }
                    return Math.log(xd) / Math.log(bd);
                };
            }
            case "SIN" -> {
                return nanToNull(args.get(0), Math::sin);
            }
            case "COS" -> {
                return nanToNull(args.get(0), Math::cos);
            }
            case "TAN" -> {
                return nanToNull(args.get(0), Math::tan);
            }
            case "ASIN" -> {
                return nanToNull(args.get(0), Math::asin);
            }
            case "ACOS" -> {
                return nanToNull(args.get(0), Math::acos);
            }
            case "ATAN" -> {
                if (args.size() == 2) {
                    return Functions.binary(args.get(0), args.get(1),
                            (y, x) -> Math.atan2(MysqlValues.toDouble(y, null0()), MysqlValues.toDouble(x, null0())));
                }
                return nanToNull(args.get(0), Math::atan);
            }
            case "ATAN2" -> {
                return Functions.binary(args.get(0), args.get(1),
                        (y, x) -> Math.atan2(MysqlValues.toDouble(y, null0()), MysqlValues.toDouble(x, null0())));
            }
            case "COT" -> {
                return Functions.unary(args.get(0), (v, ctx) -> checked(1 / Math.tan(MysqlValues.toDouble(v, ctx)), "cot"));
            }
            case "DEGREES" -> {
                return nanToNull(args.get(0), Math::toDegrees);
            }
            case "RADIANS" -> {
                return nanToNull(args.get(0), Math::toRadians);
            }
            case "PI" -> {
                return (row, ctx) -> Math.PI;
            }
            case "RAND" -> {
                if (args.isEmpty()) {
                    return (row, ctx) -> ctx.random().nextDouble();
                }
                Scalar seed = args.get(0);
                return (row, ctx) -> {
                    Object s = seed.eval(row, ctx);
                    return new java.util.Random(s == null ? 0 : MysqlValues.toLong(s, ctx)).nextDouble();
                };
            }
            case "GREATEST", "LEAST" -> {
                boolean greatest = n.equals("GREATEST");
                return (row, ctx) -> {
                    Object best = null;
                    for (Scalar s : args) {
                        Object v = s.eval(row, ctx);
                        if (v == null) {
                            return null;
                        }
                        if (best == null || (greatest ? MysqlValues.compare(v, best, ctx) > 0
                                : MysqlValues.compare(v, best, ctx) < 0)) {
                            best = v;
                        }
                    }
                    return Functions.coerce(best, type, ctx);
                };
            }
            case "CRC32" -> {
                return Functions.unary(args.get(0), v -> {
                    CRC32 crc = new CRC32();
                    crc.update(MysqlValues.toText(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return crc.getValue();
                });
            }
            case "BIT_COUNT" -> {
                return Functions.unary(args.get(0), (v, ctx) -> (long) Long.bitCount(MysqlValues.toLong(v, ctx)));
            }
            case "MOD" -> {
                return Arithmetic.binary(Arithmetic.Kind.MOD, args.get(0), args.get(1), type, "mod");
            }
            case "CONV" -> {
                Scalar a = args.get(0);
                Scalar from = args.get(1);
                Scalar to = args.get(2);
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    Object f = from.eval(row, ctx);
                    Object t = to.eval(row, ctx);
                    if (v == null || f == null || t == null) {
                        return null;
                    }
                    try {
                        BigInteger value = new BigInteger(MysqlValues.toText(v).strip(), (int) Math.abs(MysqlValues.toLong(f, ctx)));
                        return value.toString((int) Math.abs(MysqlValues.toLong(t, ctx))).toUpperCase(java.util.Locale.ROOT);
                    } catch (RuntimeException e) {
                        return "0";
                    }
                };
            }
            case "BIN" -> {
                return Functions.unary(args.get(0), (v, ctx) -> Long.toBinaryString(MysqlValues.toLong(v, ctx)));
            }
            case "OCT" -> {
                return Functions.unary(args.get(0), (v, ctx) -> Long.toOctalString(MysqlValues.toLong(v, ctx)));
            }
            default -> {
                return null;
            }
        }
    }

    private static io.basalt.server.exec.value.Warnings null0() {
        return io.basalt.server.exec.value.Warnings.IGNORE;
    }

    private static Object checked(double d, String what) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            throw MysqlValues.doubleOutOfRange(what);
        }
        return d;
    }

    private static Scalar nanToNull(Scalar a, DoubleUnaryOperator f) {
        return Functions.unary(a, (v, ctx) -> {
            double r = f.applyAsDouble(MysqlValues.toDouble(v, ctx));
            return Double.isNaN(r) || Double.isInfinite(r) ? null : r;
        });
    }

    private static Scalar logarithm(Scalar a, DoubleUnaryOperator f) {
        return Functions.unary(a, (v, ctx) -> {
            double x = MysqlValues.toDouble(v, ctx);
            if (x <= 0) {
                ctx.warn(3020, "Invalid argument for logarithm");
                return null;
            }
            return f.applyAsDouble(x);
        });
    }

    private static Object roundTo(Object v, int digits, boolean round, RelDataType type, ExecContext ctx) {
        RoundingMode mode = round ? RoundingMode.HALF_UP : RoundingMode.DOWN;
        switch (type.getSqlTypeName()) {
            case BIGINT, INTEGER -> {
                long l = MysqlValues.toLong(v, ctx);
                if (digits >= 0) {
                    return l;
                }
                return BigDecimal.valueOf(l).setScale(digits, mode).longValue();
            }
            case DECIMAL -> {
                BigDecimal d = MysqlValues.toDecimal(v, ctx).setScale(digits, mode);
                int scale = type.getScale();
                return d.setScale(Math.max(0, scale), RoundingMode.HALF_UP);
            }
            default -> {
                double d = MysqlValues.toDouble(v, ctx);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return d;
                }
                if (round) {
                    // ROUND on doubles: MySQL rounds half away from zero on the decimal value.
                    return new BigDecimal(Double.toString(d)).setScale(digits, RoundingMode.HALF_UP).doubleValue();
                }
                return new BigDecimal(Double.toString(d)).setScale(digits, RoundingMode.DOWN).doubleValue();
            }
        }
    }
}
