package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Hash aggregation with grouping sets (ROLLUP). Output rows are the group columns (NULL where a
 * grouping set leaves a column out) followed by one column per aggregate call.
 */
public final class AggregateNode implements PhysicalNode {
    private final PhysicalNode input;
    private final int[] groupColumns;
    private final List<ImmutableBitSet> groupSets;
    private final List<AggregateCall> calls;
    private final List<Supplier<Accumulator>> factories;

    public AggregateNode(PhysicalNode input, ImmutableBitSet groupSet, List<ImmutableBitSet> groupSets,
            List<AggregateCall> calls) {
        this.input = input;
        this.groupColumns = groupSet.toArray();
        this.groupSets = groupSets;
        this.calls = calls;
        this.factories = new ArrayList<>();
        for (AggregateCall c : calls) {
            if (c.getAggregation().getKind() == SqlKind.GROUPING || c.getAggregation().getKind() == SqlKind.GROUP_ID
                    || c.getAggregation().getKind() == SqlKind.GROUPING_ID) {
                factories.add(null);
            } else {
                factories.add(Aggregates.factory(c));
            }
        }
    }

    @Override
    public int width() {
        return groupColumns.length + calls.size();
    }

    private final class Group {
        final Object[] keyValues;
        final int setIndex;
        final Accumulator[] accumulators;

        Group(Object[] keyValues, int setIndex) {
            this.keyValues = keyValues;
            this.setIndex = setIndex;
            this.accumulators = new Accumulator[factories.size()];
            for (int i = 0; i < accumulators.length; i++) {
                Supplier<Accumulator> f = factories.get(i);
                accumulators[i] = f == null ? null : f.get();
            }
        }
    }

    private record SetKey(int set, RowKey key) {}

    @Override
    public RowSource open(ExecContext ctx) {
        int[][] setColumns = new int[groupSets.size()][];
        for (int s = 0; s < groupSets.size(); s++) {
            setColumns[s] = groupSets.get(s).toArray();
        }
        Map<SetKey, Group> groups = new LinkedHashMap<>();
        try (RowSource in = input.open(ctx)) {
            Object[] row;
            while ((row = in.next()) != null) {
                ctx.tick();
                for (int s = 0; s < setColumns.length; s++) {
                    SetKey key = new SetKey(s, RowKey.of(row, setColumns[s]));
                    Group g = groups.get(key);
                    if (g == null) {
                        Object[] values = new Object[groupColumns.length];
                        for (int i = 0; i < groupColumns.length; i++) {
                            values[i] = groupSets.get(s).get(groupColumns[i]) ? row[groupColumns[i]] : null;
                        }
                        g = new Group(values, s);
                        groups.put(key, g);
                    }
                    for (Accumulator a : g.accumulators) {
                        if (a != null) {
                            a.add(row, ctx);
                        }
                    }
                }
            }
        }
        if (groups.isEmpty()) {
            // Aggregation over the empty grouping set yields one row even without input.
            for (int s = 0; s < groupSets.size(); s++) {
                if (groupSets.get(s).isEmpty()) {
                    groups.put(new SetKey(s, RowKey.ofRow(new Object[0])), new Group(new Object[groupColumns.length], s));
                }
            }
        }
        List<Group> ordered = new ArrayList<>(groups.values());
        if (groupSets.size() > 1) {
            // ROLLUP output as MySQL shows it: groups in key order, each super-aggregate row after its group.
            ordered.sort(this::rollupOrder);
        }
        List<Object[]> out = new ArrayList<>(groups.size());
        for (Group g : ordered) {
            Object[] r = new Object[width()];
            System.arraycopy(g.keyValues, 0, r, 0, groupColumns.length);
            for (int i = 0; i < calls.size(); i++) {
                r[groupColumns.length + i] = g.accumulators[i] != null ? g.accumulators[i].result(ctx)
                        : grouping(calls.get(i), g.setIndex);
            }
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

    private int rollupOrder(Group a, Group b) {
        ImmutableBitSet sa = groupSets.get(a.setIndex);
        ImmutableBitSet sb = groupSets.get(b.setIndex);
        for (int i = 0; i < groupColumns.length; i++) {
            boolean ina = sa.get(groupColumns[i]);
            boolean inb = sb.get(groupColumns[i]);
            if (ina != inb) {
                return ina ? -1 : 1;
            }
            if (!ina) {
                continue;
            }
            Object x = a.keyValues[i];
            Object y = b.keyValues[i];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
                continue;
            }
            int c = io.basalt.server.exec.value.MysqlValues.compare(x, y, io.basalt.server.exec.value.Warnings.IGNORE);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** GROUPING(a, b, ...): one bit per argument, set when the grouping set leaves it out. */
    private Object grouping(AggregateCall call, int setIndex) {
        if (call.getAggregation().getKind() == SqlKind.GROUP_ID) {
            return 0L;
        }
        ImmutableBitSet set = groupSets.get(setIndex);
        long bits = 0;
        for (int arg : call.getArgList()) {
            bits = (bits << 1) | (set.get(arg) ? 0 : 1);
        }
        return bits;
    }
}
