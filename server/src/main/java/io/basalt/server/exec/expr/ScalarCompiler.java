package io.basalt.server.exec.expr;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.Collation;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.sql.func.MysqlOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Compiles Calcite row expressions into {@link Scalar} trees once per plan, so evaluation per row
 * is a few virtual calls with no interpretation of the expression tree.
 */
public final class ScalarCompiler {
    private final RexBuilder rexBuilder;

    public ScalarCompiler(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
    }

    public List<Scalar> compileAll(List<RexNode> nodes) {
        List<Scalar> out = new ArrayList<>(nodes.size());
        for (RexNode n : nodes) {
            out.add(compile(n));
        }
        return out;
    }

    public Scalar compile(RexNode node) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
        return doCompile(expanded);
    }

    private Scalar doCompile(RexNode node) {
        if (node instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return (row, ctx) -> row[i];
        }
        if (node instanceof RexLiteral lit) {
            Object v = Literals.value(lit);
            return (row, ctx) -> v;
        }
        if (node instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCorrelVariable cv) {
            int i = fa.getField().getIndex();
            var id = cv.id;
            return (row, ctx) -> ctx.correlation(id)[i];
        }
        if (node instanceof RexDynamicParam p) {
            int i = p.getIndex();
            RelDataType type = p.getType();
            return (row, ctx) -> Casts.cast(ctx.parameter(i), type, ctx);
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support the expression '" + node + "'");
    }

    private Scalar call(RexCall call) {
        SqlOperator op = call.getOperator();
        List<RexNode> operands = call.getOperands();
        RelDataType type = call.getType();
        String text = call.toString();
        if (op == MysqlOperators.PLUS) {
            return Arithmetic.binary(Arithmetic.Kind.ADD, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.MINUS) {
            return Arithmetic.binary(Arithmetic.Kind.SUBTRACT, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.MULTIPLY) {
            return Arithmetic.binary(Arithmetic.Kind.MULTIPLY, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.DIVIDE) {
            return Arithmetic.binary(Arithmetic.Kind.DIVIDE, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.INT_DIVIDE) {
            return Arithmetic.binary(Arithmetic.Kind.INT_DIVIDE, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.MOD) {
            return Arithmetic.binary(Arithmetic.Kind.MOD, arg(call, 0), arg(call, 1), type, text);
        }
        if (op == MysqlOperators.UNARY_MINUS) {
            return Arithmetic.negate(arg(call, 0), type, text);
        }
        if (op == MysqlOperators.TRUTH) {
            Scalar a = arg(call, 0);
            return (row, ctx) -> MysqlValues.truth(a.eval(row, ctx), ctx);
        }
        if (op == MysqlOperators.XOR) {
            Scalar a = arg(call, 0);
            Scalar b = arg(call, 1);
            return (row, ctx) -> {
                Boolean x = MysqlValues.truth(a.eval(row, ctx), ctx);
                Boolean y = MysqlValues.truth(b.eval(row, ctx), ctx);
                return x == null || y == null ? null : x ^ y;
            };
        }
        if (op == MysqlOperators.REGEXP) {
            return Functions.regexp(arg(call, 0), arg(call, 1), operands.get(1));
        }
        if (op == MysqlOperators.BIT_AND || op == MysqlOperators.BIT_OR || op == MysqlOperators.BIT_XOR
                || op == MysqlOperators.SHIFT_LEFT || op == MysqlOperators.SHIFT_RIGHT) {
            return Functions.bitwise(op.getName(), arg(call, 0), arg(call, 1));
        }
        if (op == MysqlOperators.BIT_NOT) {
            return Functions.bitNot(arg(call, 0));
        }
        switch (call.getKind()) {
            case AND -> {
                return and(args(call));
            }
            case OR -> {
                return or(args(call));
            }
            case NOT -> {
                Scalar a = arg(call, 0);
                return (row, ctx) -> {
                    Boolean x = MysqlValues.truth(a.eval(row, ctx), ctx);
                    return x == null ? null : !x;
                };
            }
            case EQUALS -> {
                return comparison(call, c -> c == 0);
            }
            case NOT_EQUALS -> {
                return comparison(call, c -> c != 0);
            }
            case LESS_THAN -> {
                return comparison(call, c -> c < 0);
            }
            case LESS_THAN_OR_EQUAL -> {
                return comparison(call, c -> c <= 0);
            }
            case GREATER_THAN -> {
                return comparison(call, c -> c > 0);
            }
            case GREATER_THAN_OR_EQUAL -> {
                return comparison(call, c -> c >= 0);
            }
            case IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM -> {
                boolean distinct = call.getKind() == SqlKind.IS_DISTINCT_FROM;
                Scalar a = arg(call, 0);
                Scalar b = arg(call, 1);
                return (row, ctx) -> {
                    Object x = a.eval(row, ctx);
                    Object y = b.eval(row, ctx);
                    boolean same = x == null ? y == null : y != null && MysqlValues.compare(x, y, ctx) == 0;
                    return distinct != same;
                };
            }
            case IS_NULL -> {
                Scalar a = arg(call, 0);
                return (row, ctx) -> a.eval(row, ctx) == null;
            }
            case IS_NOT_NULL -> {
                Scalar a = arg(call, 0);
                return (row, ctx) -> a.eval(row, ctx) != null;
            }
            case IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN -> {
                return truthTest(call.getKind(), arg(call, 0));
            }
            case CASE -> {
                return caseExpression(args(call));
            }
            case CAST, SAFE_CAST -> {
                Scalar a = arg(call, 0);
                RelDataType target = call.getType();
                RelDataType source = call.getOperands().get(0).getType();
                if (source.getSqlTypeName() == SqlTypeName.TIME && source.getPrecision() > 0
                        && SqlTypeUtil.isCharacter(target)) {
                    // A TIME(fsp) as text shows all its fsp digits, as MySQL's CAST(t AS CHAR) does.
                    int fsp = Math.min(6, source.getPrecision());
                    return (row, ctx) -> {
                        Object v = a.eval(row, ctx);
                        return Casts.cast(v instanceof java.time.Duration d
                                ? io.basalt.server.exec.value.TimeValues.format(d, fsp) : v, target, ctx);
                    };
                }
                return (row, ctx) -> Casts.cast(a.eval(row, ctx), target, ctx);
            }
            case COALESCE -> {
                List<Scalar> as = args(call);
                return (row, ctx) -> {
                    for (Scalar s : as) {
                        Object v = s.eval(row, ctx);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case LIKE -> {
                return Functions.like(args(call), operands, call.getOperator().getName().startsWith("NOT"));
            }
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                Arithmetic.Kind k = switch (call.getKind()) {
                    case PLUS -> Arithmetic.Kind.ADD;
                    case MINUS -> Arithmetic.Kind.SUBTRACT;
                    case TIMES -> Arithmetic.Kind.MULTIPLY;
                    case DIVIDE -> Arithmetic.Kind.DIVIDE;
                    default -> Arithmetic.Kind.MOD;
                };
                return Arithmetic.binary(k, arg(call, 0), arg(call, 1), type, text);
            }
            case MINUS_PREFIX -> {
                return Arithmetic.negate(arg(call, 0), type, text);
            }
            case PLUS_PREFIX -> {
                return arg(call, 0);
            }
            case IN, NOT_IN -> {
                return in(call);
            }
            default -> { }
        }
        return Functions.compile(op.getName(), args(call), operands, type, this);
    }

    Scalar arg(RexCall call, int i) {
        return doCompile(call.getOperands().get(i));
    }

    List<Scalar> args(RexCall call) {
        List<Scalar> out = new ArrayList<>();
        for (RexNode n : call.getOperands()) {
            out.add(doCompile(n));
        }
        return out;
    }

    private Scalar comparison(RexCall call, IntPredicate test) {
        Scalar a = arg(call, 0);
        Scalar b = arg(call, 1);
        boolean bothStrings = isCharacter(call.getOperands().get(0).getType())
                && isCharacter(call.getOperands().get(1).getType());
        if (bothStrings) {
            return (row, ctx) -> {
                Object x = a.eval(row, ctx);
                if (x == null) {
                    return null;
                }
                Object y = b.eval(row, ctx);
                if (y == null) {
                    return null;
                }
                if (x instanceof String sx && y instanceof String sy) {
                    return test.test(Collation.compare(sx, sy));
                }
                return test.test(MysqlValues.compare(x, y, ctx));
            };
        }
        return (row, ctx) -> {
            Object x = a.eval(row, ctx);
            if (x == null) {
                return null;
            }
            Object y = b.eval(row, ctx);
            if (y == null) {
                return null;
            }
            return test.test(MysqlValues.compare(x, y, ctx));
        };
    }

    private static boolean isCharacter(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case CHAR, VARCHAR -> true;
            default -> false;
        };
    }

    private Scalar in(RexCall call) {
        Scalar needle = arg(call, 0);
        List<Scalar> list = new ArrayList<>();
        for (int i = 1; i < call.getOperands().size(); i++) {
            list.add(arg(call, i));
        }
        boolean negated = call.getKind() == SqlKind.NOT_IN;
        return (row, ctx) -> {
            Object x = needle.eval(row, ctx);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Scalar s : list) {
                Object y = s.eval(row, ctx);
                if (y == null) {
                    sawNull = true;
                } else if (MysqlValues.compare(x, y, ctx) == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        };
    }

    private static Scalar and(List<Scalar> as) {
        return (row, ctx) -> {
            boolean sawNull = false;
            for (Scalar s : as) {
                Boolean b = MysqlValues.truth(s.eval(row, ctx), ctx);
                if (b == null) {
                    sawNull = true;
                } else if (!b) {
                    return Boolean.FALSE;
                }
            }
            return sawNull ? null : Boolean.TRUE;
        };
    }

    private static Scalar or(List<Scalar> as) {
        return (row, ctx) -> {
            boolean sawNull = false;
            for (Scalar s : as) {
                Boolean b = MysqlValues.truth(s.eval(row, ctx), ctx);
                if (b == null) {
                    sawNull = true;
                } else if (b) {
                    return Boolean.TRUE;
                }
            }
            return sawNull ? null : Boolean.FALSE;
        };
    }

    private static Scalar truthTest(SqlKind kind, Scalar a) {
        return (row, ctx) -> {
            Boolean b = MysqlValues.truth(a.eval(row, ctx), ctx);
            return switch (kind) {
                case IS_TRUE -> Boolean.TRUE.equals(b);
                case IS_NOT_TRUE -> !Boolean.TRUE.equals(b);
                case IS_FALSE -> Boolean.FALSE.equals(b);
                case IS_NOT_FALSE -> !Boolean.FALSE.equals(b);
                default -> b == null;
            };
        };
    }

    private static Scalar caseExpression(List<Scalar> as) {
        int pairs = (as.size() - 1) / 2;
        Scalar[] whens = new Scalar[pairs];
        Scalar[] thens = new Scalar[pairs];
        for (int i = 0; i < pairs; i++) {
            whens[i] = as.get(2 * i);
            thens[i] = as.get(2 * i + 1);
        }
        Scalar otherwise = as.get(as.size() - 1);
        return (row, ctx) -> {
            for (int i = 0; i < whens.length; i++) {
                if (Boolean.TRUE.equals(MysqlValues.truth(whens[i].eval(row, ctx), ctx))) {
                    return thens[i].eval(row, ctx);
                }
            }
            return otherwise.eval(row, ctx);
        };
    }

    /** Evaluates a constant expression (no input references) in {@code ctx}. */
    public Object evaluateConstant(RexNode node, ExecContext ctx) {
        return compile(node).eval(new Object[0], ctx);
    }
}
