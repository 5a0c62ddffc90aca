package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.expr.Scalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Joins of every kind. With equality keys it hashes the right input and probes with the left;
 * without keys it loops over the materialized right input. A residual condition is evaluated on
 * the concatenated row.
 */
public final class JoinNode implements PhysicalNode {
    private final PhysicalNode left;
    private final PhysicalNode right;
    private final JoinRelType type;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final Scalar residual;

    /**
     * @param leftKeys left key columns (empty for a nested-loop join)
     * @param rightKeys right key columns, same length
     * @param residual condition on the concatenated row, or null
     */
    public JoinNode(PhysicalNode left, PhysicalNode right, JoinRelType type, int[] leftKeys, int[] rightKeys,
            Scalar residual) {
        this.left = left;
        this.right = right;
        this.type = type;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
    }

    @Override
    public int width() {
        return type.projectsRight() ? left.width() + right.width() : left.width();
    }

    @Override
    public RowSource open(ExecContext ctx) {
        List<Object[]> rightRows = new ArrayList<>();
        try (RowSource r = right.open(ctx)) {
            Object[] row;
            while ((row = r.next()) != null) {
                ctx.tick();
                rightRows.add(row);
            }
        }
        Map<RowKey, List<Integer>> table = null;
        if (leftKeys.length > 0) {
            table = new HashMap<>();
            for (int i = 0; i < rightRows.size(); i++) {
                RowKey k = RowKey.of(rightRows.get(i), rightKeys);
                if (!k.hasNull()) {
                    table.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
                }
            }
        }
        return new Probe(left.open(ctx), rightRows, table, ctx);
    }

    private final class Probe implements RowSource {
        private final RowSource in;
        private final List<Object[]> rightRows;
        private final Map<RowKey, List<Integer>> table;
        private final ExecContext ctx;
        private final BitSet rightMatched;
        private final Deque<Object[]> pending = new ArrayDeque<>();
        private final int rightWidth = right.width();
        private final int leftWidth = left.width();
        private boolean leftDone;
        private int unmatchedCursor;

        Probe(RowSource in, List<Object[]> rightRows, Map<RowKey, List<Integer>> table, ExecContext ctx) {
            this.in = in;
            this.rightRows = rightRows;
            this.table = table;
            this.ctx = ctx;
            this.rightMatched = type == JoinRelType.RIGHT || type == JoinRelType.FULL ? new BitSet(rightRows.size()) : null;
        }

        @Override
        public Object[] next() {
            while (pending.isEmpty()) {
                if (leftDone) {
                    return nextUnmatchedRight();
                }
                Object[] l = in.next();
                if (l == null) {
                    leftDone = true;
                    continue;
                }
                ctx.tick();
                probe(l);
            }
            return pending.poll();
        }

        private void probe(Object[] l) {
            boolean matched = false;
            if (table != null) {
                RowKey k = RowKey.of(l, leftKeys);
                List<Integer> candidates = k.hasNull() ? null : table.get(k);
                if (candidates != null) {
                    for (int idx : candidates) {
                        if (tryMatch(l, idx)) {
                            matched = true;
                            if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
                                break;
                            }
                        }
                    }
                }
            } else {
                for (int idx = 0; idx < rightRows.size(); idx++) {
                    if (tryMatch(l, idx)) {
                        matched = true;
                        if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
                            break;
                        }
                    }
                }
            }
            switch (type) {
                case SEMI -> {
                    if (matched) {
                        pending.add(l);
                    }
                }
                case ANTI -> {
                    if (!matched) {
                        pending.add(l);
                    }
                }
                case LEFT, FULL -> {
                    if (!matched) {
                        pending.add(concat(l, null));
                    }
                }
                default -> { }
            }
        }

        private boolean tryMatch(Object[] l, int idx) {
            Object[] r = rightRows.get(idx);
            Object[] joined = concat(l, r);
            if (residual != null && !Boolean.TRUE.equals(residual.eval(joined, ctx))) {
                return false;
            }
            if (rightMatched != null) {
                rightMatched.set(idx);
            }
            if (type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
                pending.add(joined);
            }
            return true;
        }

        private Object[] nextUnmatchedRight() {
            if (rightMatched == null) {
                return null;
            }
            while (unmatchedCursor < rightRows.size()) {
                int idx = unmatchedCursor++;
                if (!rightMatched.get(idx)) {
                    Object[] out = new Object[leftWidth + rightWidth];
                    System.arraycopy(rightRows.get(idx), 0, out, leftWidth, rightWidth);
                    return out;
                }
            }
            return null;
        }

        private Object[] concat(Object[] l, Object[] r) {
            Object[] out = new Object[leftWidth + rightWidth];
            System.arraycopy(l, 0, out, 0, leftWidth);
            if (r != null) {
                System.arraycopy(r, 0, out, leftWidth, rightWidth);
            }
            return out;
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
