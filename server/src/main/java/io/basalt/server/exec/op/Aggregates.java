package io.basalt.server.exec.op;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.expr.Casts;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds accumulators for aggregate calls: COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT, ... */
public final class Aggregates {
    /** MySQL's group_concat_max_len default. */
    public static final int GROUP_CONCAT_MAX_LEN = 1024;

    private Aggregates() {}

    /**
     * What an accumulator needs to know about an aggregate call, whether it comes from an
     * Aggregate or a Window.
     *
     * @param kind the function kind
     * @param name the function name, for errors
     * @param distinct DISTINCT
     * @param args argument columns
     * @param filterArg FILTER column, or -1
     * @param type result type
     * @param order WITHIN GROUP order (GROUP_CONCAT ... ORDER BY)
     * @param literal LITERAL_AGG's value
     */
    public record Spec(SqlKind kind, String name, boolean distinct, List<Integer> args, int filterArg, RelDataType type,
            List<RelFieldCollation> order, Object literal) {
        public static Spec of(AggregateCall call) {
            Object literal = call.rexList.isEmpty() || !(call.rexList.get(0) instanceof org.apache.calcite.rex.RexLiteral lit)
                    ? null : io.basalt.server.exec.expr.Literals.value(lit);
            return new Spec(call.getAggregation().getKind(), call.getAggregation().getName(), call.isDistinct(),
                    call.getArgList(), call.filterArg, call.getType(), call.getCollation().getFieldCollations(), literal);
        }
    }

    /** A factory of fresh accumulators for {@code call}. */
    public static Supplier<Accumulator> factory(AggregateCall call) {
        return factory(Spec.of(call));
    }

    /** A factory of fresh accumulators for {@code spec}. */
    public static Supplier<Accumulator> factory(Spec spec) {
        List<Integer> args = spec.args();
        int filter = spec.filterArg();
        Supplier<Accumulator> base = base(spec);
        Supplier<Accumulator> withDistinct = spec.distinct() ? () -> new DistinctAccumulator(base.get(), args) : base;
        if (filter < 0) {
            return withDistinct;
        }
        return () -> {
            Accumulator inner = withDistinct.get();
            return new Accumulator() {
                @Override
                public void add(Object[] row, ExecContext ctx) {
                    if (Boolean.TRUE.equals(row[filter])) {
                        inner.add(row, ctx);
                    }
                }

                @Override
                public Object result(ExecContext ctx) {
                    return inner.result(ctx);
                }
            };
        };
    }

    private static Supplier<Accumulator> base(Spec spec) {
        SqlKind kind = spec.kind();
        String name = spec.name();
        List<Integer> args = spec.args();
        RelDataType type = spec.type();
        int arg0 = args.isEmpty() ? -1 : args.get(0);
        switch (kind) {
            case COUNT -> {
                int[] cols = args.stream().mapToInt(Integer::intValue).toArray();
                return () -> new Accumulator() {
                    long count;

                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                        for (int c : cols) {
                            if (row[c] == null) {
                                return;
                            }
                        }
                        count++;
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return count;
                    }
                };
            }
            case SUM, SUM0 -> {
                boolean zeroWhenEmpty = kind == SqlKind.SUM0;
                return () -> new SumAccumulator(arg0, type, zeroWhenEmpty);
            }
            case AVG -> {
                return () -> new AvgAccumulator(arg0, type);
            }
            case MIN, MAX -> {
                boolean max = kind == SqlKind.MAX;
                return () -> new Accumulator() {
                    Object best;

                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                        Object v = row[arg0];
                        if (v == null) {
                            return;
                        }
                        if (best == null) {
                            best = v;
                        } else {
                            int c = MysqlValues.compare(v, best, ctx);
                            if (max ? c > 0 : c < 0) {
                                best = v;
                            }
                        }
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return best;
                    }
                };
            }
            case ANY_VALUE -> {
                return () -> new Accumulator() {
                    Object value;
                    boolean seen;

                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                        if (!seen) {
                            value = row[arg0];
                            seen = true;
                        }
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return value;
                    }
                };
            }
            case SINGLE_VALUE -> {
                return () -> new Accumulator() {
                    Object value;
                    boolean seen;

                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                        if (seen) {
                            throw new BasaltException(ErrorCode.SUBQUERY_MORE_THAN_ONE_ROW, "Subquery returns more than 1 row");
                        }
                        value = row[arg0];
                        seen = true;
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return value;
                    }
                };
            }
            case LITERAL_AGG -> {
                Object v = spec.literal();
                return () -> new Accumulator() {
                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return v;
                    }
                };
            }
            case BIT_AND, BIT_OR, BIT_XOR -> {
                return () -> new Accumulator() {
                    long acc = kind == SqlKind.BIT_AND ? -1L : 0L;

                    @Override
                    public void add(Object[] row, ExecContext ctx) {
                        Object v = row[arg0];
                        if (v == null) {
                            return;
                        }
                        long l = MysqlValues.toLong(v, ctx);
                        acc = switch (kind) {
                            case BIT_AND -> acc & l;
                            case BIT_OR -> acc | l;
                            default -> acc ^ l;
                        };
                    }

                    @Override
                    public Object result(ExecContext ctx) {
                        return acc;
                    }
                };
            }
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> {
                return () -> new VarianceAccumulator(arg0, kind);
            }
            case LISTAGG -> {
                return () -> new ConcatAccumulator(spec);
            }
            default -> throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support the aggregate '" + name + "'");
        }
    }

    /** SUM: exact for integers and decimals (overflowing into BigDecimal), double for the rest. */
    private static final class SumAccumulator implements Accumulator {
        private final int arg;
        private final RelDataType type;
        private final boolean zeroWhenEmpty;
        private long longSum;
        private BigDecimal decimalSum;
        private double doubleSum;
        private boolean any;
        private final boolean exact;

        SumAccumulator(int arg, RelDataType type, boolean zeroWhenEmpty) {
            this.arg = arg;
            this.type = type;
            this.zeroWhenEmpty = zeroWhenEmpty;
            this.exact = type.getSqlTypeName() != SqlTypeName.DOUBLE && type.getSqlTypeName() != SqlTypeName.REAL
                    && type.getSqlTypeName() != SqlTypeName.FLOAT;
        }

        @Override
        public void add(Object[] row, ExecContext ctx) {
            Object v = row[arg];
            if (v == null) {
                return;
            }
            any = true;
            if (!exact) {
                doubleSum += MysqlValues.toDouble(v, ctx);
            } else if (v instanceof Long l && decimalSum == null) {
                long r = longSum + l;
                if (((longSum ^ r) & (l ^ r)) < 0) {
                    decimalSum = BigDecimal.valueOf(longSum).add(BigDecimal.valueOf(l));
                } else {
                    longSum = r;
                }
            } else {
                if (decimalSum == null) {
                    decimalSum = BigDecimal.valueOf(longSum);
                }
                decimalSum = decimalSum.add(MysqlValues.toDecimal(v, ctx));
            }
        }

        @Override
        public Object result(ExecContext ctx) {
            if (!any && !zeroWhenEmpty) {
                return null;
            }
            if (!exact) {
                return doubleSum;
            }
            BigDecimal d = decimalSum != null ? decimalSum : BigDecimal.valueOf(longSum);
            return switch (type.getSqlTypeName()) {
                case DECIMAL -> d.setScale(Math.max(0, type.getScale()), RoundingMode.HALF_UP);
                case TINYINT, SMALLINT, INTEGER, BIGINT -> {
                    if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                        throw MysqlValues.bigintOutOfRange("sum");
                    }
                    yield d.longValue();
                }
                default -> d;
            };
        }
    }

    /** AVG: DECIMAL with four more digits of scale for exact input, DOUBLE otherwise. */
    private static final class AvgAccumulator implements Accumulator {
        private final int arg;
        private final RelDataType type;
        private BigDecimal sum = BigDecimal.ZERO;
        private double doubleSum;
        private long count;

        AvgAccumulator(int arg, RelDataType type) {
            this.arg = arg;
            this.type = type;
        }

        @Override
        public void add(Object[] row, ExecContext ctx) {
            Object v = row[arg];
            if (v == null) {
                return;
            }
            count++;
            if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
                sum = sum.add(MysqlValues.toDecimal(v, ctx));
            } else {
                doubleSum += MysqlValues.toDouble(v, ctx);
            }
        }

        @Override
        public Object result(ExecContext ctx) {
            if (count == 0) {
                return null;
            }
            if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
                return sum.divide(BigDecimal.valueOf(count), Math.max(0, type.getScale()), RoundingMode.HALF_UP);
            }
            double avg = doubleSum / count;
            return Casts.cast(avg, type, ctx);
        }
    }

    /** Welford's running variance. */
    private static final class VarianceAccumulator implements Accumulator {
        private final int arg;
        private final SqlKind kind;
        private long n;
        private double mean;
        private double m2;

        VarianceAccumulator(int arg, SqlKind kind) {
            this.arg = arg;
            this.kind = kind;
        }

        @Override
        public void add(Object[] row, ExecContext ctx) {
            Object v = row[arg];
            if (v == null) {
                return;
            }
            double x = MysqlValues.toDouble(v, ctx);
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        @Override
        public Object result(ExecContext ctx) {
            boolean sample = kind == SqlKind.STDDEV_SAMP || kind == SqlKind.VAR_SAMP;
            if (n == 0 || (sample && n == 1)) {
                return null;
            }
            double var = m2 / (sample ? n - 1 : n);
            return kind == SqlKind.STDDEV_POP || kind == SqlKind.STDDEV_SAMP ? Math.sqrt(var) : var;
        }
    }

    /** GROUP_CONCAT / LISTAGG: values in the requested order, joined by the separator. */
    private static final class ConcatAccumulator implements Accumulator {
        private final int arg;
        private final int separatorArg;
        private final List<RelFieldCollation> order;
        private final List<Object[]> rows = new ArrayList<>();
        private String separator = ",";

        ConcatAccumulator(Spec spec) {
            this.arg = spec.args().get(0);
            this.separatorArg = spec.args().size() > 1 ? spec.args().get(1) : -1;
            this.order = spec.order();
        }

        @Override
        public void add(Object[] row, ExecContext ctx) {
            if (row[arg] == null) {
                return;
            }
            if (separatorArg >= 0 && rows.isEmpty() && row[separatorArg] != null) {
                separator = MysqlValues.toText(row[separatorArg]);
            }
            rows.add(row);
        }

        @Override
        public Object result(ExecContext ctx) {
            if (rows.isEmpty()) {
                return null;
            }
            if (!order.isEmpty()) {
                rows.sort(new RowComparator(order));
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    sb.append(separator);
                }
                sb.append(MysqlValues.toText(rows.get(i)[arg]));
                if (sb.length() > GROUP_CONCAT_MAX_LEN) {
                    ctx.warn(1260, "Row " + (i + 1) + " was cut by GROUP_CONCAT()");
                    sb.setLength(GROUP_CONCAT_MAX_LEN);
                    break;
                }
            }
            return sb.toString();
        }
    }

    /** Feeds the inner accumulator only the first row of each distinct argument tuple. */
    private static final class DistinctAccumulator implements Accumulator {
        private final Accumulator inner;
        private final int[] args;
        private final Set<RowKey> seen = new HashSet<>();

        DistinctAccumulator(Accumulator inner, List<Integer> args) {
            this.inner = inner;
            this.args = args.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void add(Object[] row, ExecContext ctx) {
            if (seen.add(RowKey.of(row, args))) {
                inner.add(row, ctx);
            }
        }

        @Override
        public Object result(ExecContext ctx) {
            return inner.result(ctx);
        }
    }
}
