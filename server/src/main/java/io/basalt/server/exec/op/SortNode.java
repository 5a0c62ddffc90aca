package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY with OFFSET/LIMIT. With a limit, keeps only the best offset+limit rows in a heap;
 * without a collation it only skips and limits.
 */
public final class SortNode implements PhysicalNode {
    private final PhysicalNode input;
    private final Comparator<Object[]> order;
    private final long offset;
    private final long fetch;

    /**
     * @param order null for no ordering
     * @param fetch -1 for no limit
     */
    /** The input, when this node only cuts it off after {@code fetch} rows (no ORDER BY, no OFFSET); else null. */
    public PhysicalNode limitOnlyInput() {
        return order == null && offset == 0 ? input : null;
    }

    /** Rows to return at most, or -1 for all. */
    public long fetch() {
        return fetch;
    }

    public SortNode(PhysicalNode input, Comparator<Object[]> order, long offset, long fetch) {
        this.input = input;
        this.order = order;
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        if (order == null) {
            return new RowSource() {
                long skipped;
                long returned;

                @Override
                public Object[] next() {
                    if (fetch >= 0 && returned >= fetch) {
                        return null;
                    }
                    Object[] row;
                    while ((row = in.next()) != null) {
                        if (skipped < offset) {
                            skipped++;
                            continue;
                        }
                        returned++;
                        return row;
                    }
                    return null;
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }
        List<Object[]> rows;
        try (in) {
            if (fetch >= 0 && offset + fetch < 100_000) {
                rows = topN(in, (int) (offset + fetch), ctx);
            } else {
                rows = new ArrayList<>();
                Object[] row;
                while ((row = in.next()) != null) {
                    ctx.tick();
                    rows.add(row);
                }
                rows.sort(order);
            }
        }
        int from = (int) Math.min(rows.size(), offset);
        int to = fetch < 0 ? rows.size() : (int) Math.min(rows.size(), offset + fetch);
        List<Object[]> result = rows.subList(from, to);
        return new RowSource() {
            int i;

            @Override
            public Object[] next() {
                return i < result.size() ? result.get(i++) : null;
            }
        };
    }

    private List<Object[]> topN(RowSource in, int n, ExecContext ctx) {
        if (n == 0) {
            return new ArrayList<>();
        }
        // Max-heap of the best n rows; ties keep input order for stability.
        PriorityQueue<Object[]> heap = new PriorityQueue<>(n + 1, order.reversed());
        Object[] row;
        while ((row = in.next()) != null) {
            ctx.tick();
            if (heap.size() < n) {
                heap.add(row);
            } else if (order.compare(row, heap.peek()) < 0) {
                heap.poll();
                heap.add(row);
            }
        }
        List<Object[]> rows = new ArrayList<>(heap);
        rows.sort(order);
        return rows;
    }

    @Override
    public int width() {
        return input.width();
    }
}
