package io.basalt.server.exec.op;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * Window functions. Materializes the input, partitions and orders it per window group, and
 * appends one column per window function: ranking functions, LAG/LEAD, FIRST/LAST/NTH_VALUE and
 * aggregates over ROWS or RANGE frames.
 */
public final class WindowNode implements PhysicalNode {
    private final PhysicalNode input;
    private final List<Window.Group> groups;
    private final List<Object> constants;
    private final int outputWidth;

    public WindowNode(PhysicalNode input, List<Window.Group> groups, List<Object> constants) {
        this.input = input;
        this.groups = groups;
        this.constants = constants;
        int calls = 0;
        for (Window.Group g : groups) {
            calls += g.aggCalls.size();
        }
        this.outputWidth = input.width() + calls;
    }

    @Override
    public int width() {
        return outputWidth;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        int inWidth = input.width();
        List<Object[]> rows = new ArrayList<>();
        try (RowSource in = input.open(ctx)) {
            Object[] row;
            while ((row = in.next()) != null) {
                ctx.tick();
                // Window operands refer to constants past the input's columns.
                Object[] wide = new Object[inWidth + constants.size() + outputWidth - inWidth];
                System.arraycopy(row, 0, wide, 0, inWidth);
                for (int i = 0; i < constants.size(); i++) {
                    wide[inWidth + i] = constants.get(i);
                }
                rows.add(wide);
            }
        }
        Object[][] results = new Object[rows.size()][outputWidth - inWidth];
        int column = 0;
        for (Window.Group g : groups) {
            Map<RowKey, List<Integer>> partitions = new LinkedHashMap<>();
            int[] keys = g.keys.toArray();
            for (int i = 0; i < rows.size(); i++) {
                partitions.computeIfAbsent(RowKey.of(rows.get(i), keys), k -> new ArrayList<>()).add(i);
            }
            List<RelFieldCollation> order = g.orderKeys.getFieldCollations();
            RowComparator cmp = new RowComparator(order);
            for (List<Integer> part : partitions.values()) {
                ctx.checkCancelled();
                if (!order.isEmpty()) {
                    part.sort((a, b) -> cmp.compare(rows.get(a), rows.get(b)));
                }
                List<Object[]> sorted = new ArrayList<>(part.size());
                for (int idx : part) {
                    sorted.add(rows.get(idx));
                }
                int[] peerStart = new int[sorted.size()];
                int[] peerEnd = new int[sorted.size()];
                for (int i = 0; i < sorted.size(); i++) {
                    peerStart[i] = i > 0 && !order.isEmpty() && cmp.compare(sorted.get(i - 1), sorted.get(i)) == 0
                            ? peerStart[i - 1] : (order.isEmpty() ? 0 : i);
                }
                for (int i = sorted.size() - 1; i >= 0; i--) {
                    peerEnd[i] = i < sorted.size() - 1 && !order.isEmpty() && cmp.compare(sorted.get(i + 1), sorted.get(i)) == 0
                            ? peerEnd[i + 1] : (order.isEmpty() ? sorted.size() - 1 : i);
                }
                int c = column;
                for (Window.RexWinAggCall call : g.aggCalls) {
                    Object[] values = evaluate(call, g, sorted, peerStart, peerEnd, ctx);
                    for (int i = 0; i < part.size(); i++) {
                        results[part.get(i)][c] = values[i];
                    }
                    c++;
                }
            }
            column += g.aggCalls.size();
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = new Object[outputWidth];
            System.arraycopy(rows.get(i), 0, r, 0, inWidth);
            System.arraycopy(results[i], 0, r, inWidth, results[i].length);
            out.add(r);
        }
        return new RowSource() {
            int i;

            @Override
            public Object[] next() {
                return i < out.size() ? out.get(i++) : null;
            }
        };
    }

    private static int operandIndex(RexNode n) {
        if (n instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        throw new BasaltException(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support window operand " + n);
    }

    private Object operandValue(RexNode n, Object[] row) {
        if (n instanceof RexLiteral lit) {
            return io.basalt.server.exec.expr.Literals.value(lit);
        }
        return row[operandIndex(n)];
    }

    private Object[] evaluate(Window.RexWinAggCall call, Window.Group g, List<Object[]> rows, int[] peerStart,
            int[] peerEnd, ExecContext ctx) {
        int n = rows.size();
        Object[] out = new Object[n];
        SqlKind kind = call.getOperator().getKind();
        List<RexNode> operands = call.getOperands();
        switch (kind) {
            case ROW_NUMBER -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) (i + 1);
                }
            }
            case RANK -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) (peerStart[i] + 1);
                }
            }
            case DENSE_RANK -> {
                long rank = 0;
                for (int i = 0; i < n; i++) {
                    if (i == 0 || peerStart[i] == i) {
                        rank++;
                    }
                    out[i] = rank;
                }
            }
            case PERCENT_RANK -> {
                for (int i = 0; i < n; i++) {
                    out[i] = n <= 1 ? 0.0 : (double) peerStart[i] / (n - 1);
                }
            }
            case CUME_DIST -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (double) (peerEnd[i] + 1) / n;
                }
            }
            case NTILE -> {
                long buckets = MysqlValues.toLong(operandValue(operands.get(0), rows.get(0)), ctx);
                if (buckets <= 0) {
                    throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to ntile");
                }
                long base = n / buckets;
                long extra = n % buckets;
                int i = 0;
                for (long b = 1; b <= buckets && i < n; b++) {
                    long size = base + (b <= extra ? 1 : 0);
                    for (long k = 0; k < size && i < n; k++) {
                        out[i++] = b;
                    }
                }
            }
            case LAG, LEAD -> {
                int sign = kind == SqlKind.LAG ? -1 : 1;
                for (int i = 0; i < n; i++) {
                    long offset = operands.size() > 1 ? MysqlValues.toLong(operandValue(operands.get(1), rows.get(i)), ctx) : 1;
                    long j = i + sign * offset;
                    if (j >= 0 && j < n) {
                        out[i] = operandValue(operands.get(0), rows.get((int) j));
                    } else {
                        out[i] = operands.size() > 2 ? operandValue(operands.get(2), rows.get(i)) : null;
                    }
                }
            }
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                for (int i = 0; i < n; i++) {
                    int[] f = frame(g, i, n, peerStart, peerEnd, rows, ctx);
                    if (f[0] > f[1]) {
                        out[i] = null;
                        continue;
                    }
                    int pick;
                    if (kind == SqlKind.FIRST_VALUE) {
                        pick = f[0];
                    } else if (kind == SqlKind.LAST_VALUE) {
                        pick = f[1];
                    } else {
                        long nth = MysqlValues.toLong(operandValue(operands.get(1), rows.get(i)), ctx);
                        pick = (int) (f[0] + nth - 1);
                        if (nth < 1 || pick > f[1]) {
                            out[i] = null;
                            continue;
                        }
                    }
                    out[i] = operandValue(operands.get(0), rows.get(pick));
                }
            }
            default -> aggregateOverFrames(call, g, rows, peerStart, peerEnd, out, ctx);
        }
        return out;
    }

    private void aggregateOverFrames(Window.RexWinAggCall call, Window.Group g, List<Object[]> rows, int[] peerStart,
            int[] peerEnd, Object[] out, ExecContext ctx) {
        List<Integer> args = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
            args.add(operandIndex(o));
        }
        Aggregates.Spec spec = new Aggregates.Spec(call.getOperator().getKind(), call.getOperator().getName(),
                call.distinct, args, -1, call.getType(), List.of(), null);
        Supplier<Accumulator> factory = Aggregates.factory(spec);
        int n = rows.size();
        boolean runningFrame = g.lowerBound.isUnbounded() && g.lowerBound.isPreceding() && g.upperBound.isCurrentRow();
        if (runningFrame) {
            Accumulator acc = factory.get();
            int added = 0;
            for (int i = 0; i < n; i++) {
                int end = g.isRows ? i : peerEnd[i];
                while (added <= end) {
                    acc.add(rows.get(added++), ctx);
                }
                out[i] = acc.result(ctx);
            }
            return;
        }
        Object whole = null;
        boolean wholePartition = g.lowerBound.isUnbounded() && g.upperBound.isUnbounded();
        if (wholePartition) {
            Accumulator acc = factory.get();
            for (Object[] r : rows) {
                acc.add(r, ctx);
            }
            whole = acc.result(ctx);
        }
        for (int i = 0; i < n; i++) {
            if (wholePartition) {
                out[i] = whole;
                continue;
            }
            int[] f = frame(g, i, n, peerStart, peerEnd, rows, ctx);
            Accumulator acc = factory.get();
            for (int j = f[0]; j <= f[1]; j++) {
                acc.add(rows.get(j), ctx);
            }
            out[i] = acc.result(ctx);
        }
    }

    /** Inclusive [start, end] of the frame of row {@code i}. */
    private int[] frame(Window.Group g, int i, int n, int[] peerStart, int[] peerEnd, List<Object[]> rows, ExecContext ctx) {
        int start = bound(g.lowerBound, g, i, n, peerStart, peerEnd, true, rows, ctx);
        int end = bound(g.upperBound, g, i, n, peerStart, peerEnd, false, rows, ctx);
        return new int[] {Math.max(0, start), Math.min(n - 1, end)};
    }

    private int bound(RexWindowBound b, Window.Group g, int i, int n, int[] peerStart, int[] peerEnd, boolean lower,
            List<Object[]> rows, ExecContext ctx) {
        if (b.isUnbounded()) {
            return b.isPreceding() ? 0 : n - 1;
        }
        if (b.isCurrentRow()) {
            if (g.isRows) {
                return i;
            }
            return lower ? peerStart[i] : peerEnd[i];
        }
        long offset = MysqlValues.toLong(operandValue(b.getOffset(), rows.get(i)), ctx);
        if (g.isRows) {
            long r = b.isPreceding() ? i - offset : i + offset;
            return (int) Math.max(-1, Math.min(n, r));
        }
        // RANGE n PRECEDING/FOLLOWING on a single numeric order key.
        int key = g.orderKeys.getFieldCollations().get(0).getFieldIndex();
        boolean desc = g.orderKeys.getFieldCollations().get(0).direction.isDescending();
        Object cur = rows.get(i)[key];
        if (cur == null) {
            return lower ? peerStart[i] : peerEnd[i];
        }
        double center = MysqlValues.toDouble(cur, ctx);
        double target = (b.isPreceding() ^ desc) ? center - offset : center + offset;
        if (lower) {
            int j = i;
            while (j > 0 && within(rows.get(j - 1)[key], target, desc, true, ctx)) {
                j--;
            }
            while (j < n && !within(rows.get(j)[key], target, desc, true, ctx)) {
                j++;
            }
            return j;
        }
        int j = i;
        while (j < n - 1 && within(rows.get(j + 1)[key], target, desc, false, ctx)) {
            j++;
        }
        while (j >= 0 && !within(rows.get(j)[key], target, desc, false, ctx)) {
            j--;
        }
        return j;
    }

    private static boolean within(Object v, double target, boolean desc, boolean lower, ExecContext ctx) {
        if (v == null) {
            return false;
        }
        double x = MysqlValues.toDouble(v, ctx);
        return lower != desc ? x >= target : x <= target;
    }
}
