package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UNION [ALL], INTERSECT [ALL] and EXCEPT [ALL] over inputs of equal width. */
public final class SetOpNode implements PhysicalNode {
    /** Which set operation. */
    public enum Kind { UNION, INTERSECT, EXCEPT }

    private final Kind kind;
    private final boolean all;
    private final List<PhysicalNode> inputs;

    public SetOpNode(Kind kind, boolean all, List<PhysicalNode> inputs) {
        this.kind = kind;
        this.all = all;
        this.inputs = inputs;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        if (kind == Kind.UNION && all) {
            return new RowSource() {
                int current;
                RowSource source = inputs.get(0).open(ctx);

                @Override
                public Object[] next() {
                    while (true) {
                        Object[] row = source.next();
                        if (row != null) {
                            return row;
                        }
                        source.close();
                        if (++current >= inputs.size()) {
                            source = () -> null;
                            return null;
                        }
                        source = inputs.get(current).open(ctx);
                    }
                }

                @Override
                public void close() {
                    source.close();
                }
            };
        }
        List<Object[]> out = switch (kind) {
            case UNION -> union(ctx);
            case INTERSECT -> intersect(ctx);
            case EXCEPT -> except(ctx);
        };
        return new RowSource() {
            int i;

            @Override
            public Object[] next() {
                return i < out.size() ? out.get(i++) : null;
            }
        };
    }

    private List<Object[]> union(ExecContext ctx) {
        Map<RowKey, Object[]> seen = new LinkedHashMap<>();
        for (PhysicalNode input : inputs) {
            try (RowSource in = input.open(ctx)) {
                Object[] row;
                while ((row = in.next()) != null) {
                    ctx.tick();
                    seen.putIfAbsent(RowKey.ofRow(row), row);
                }
            }
        }
        return new ArrayList<>(seen.values());
    }

    private Map<RowKey, Integer> counts(PhysicalNode input, ExecContext ctx, Map<RowKey, Object[]> firstSeen) {
        Map<RowKey, Integer> counts = new HashMap<>();
        try (RowSource in = input.open(ctx)) {
            Object[] row;
            while ((row = in.next()) != null) {
                ctx.tick();
                RowKey k = RowKey.ofRow(row);
                counts.merge(k, 1, Integer::sum);
                if (firstSeen != null) {
                    firstSeen.putIfAbsent(k, row);
                }
            }
        }
        return counts;
    }

    private List<Object[]> intersect(ExecContext ctx) {
        Map<RowKey, Object[]> first = new LinkedHashMap<>();
        Map<RowKey, Integer> result = counts(inputs.get(0), ctx, first);
        for (int i = 1; i < inputs.size(); i++) {
            Map<RowKey, Integer> other = counts(inputs.get(i), ctx, null);
            result.replaceAll((k, c) -> Math.min(c, other.getOrDefault(k, 0)));
        }
        return expand(first, result);
    }

    private List<Object[]> except(ExecContext ctx) {
        Map<RowKey, Object[]> first = new LinkedHashMap<>();
        Map<RowKey, Integer> result = counts(inputs.get(0), ctx, first);
        for (int i = 1; i < inputs.size(); i++) {
            Map<RowKey, Integer> other = counts(inputs.get(i), ctx, null);
            result.replaceAll((k, c) -> all ? Math.max(0, c - other.getOrDefault(k, 0)) : (other.containsKey(k) ? 0 : c));
        }
        return expand(first, result);
    }

    private List<Object[]> expand(Map<RowKey, Object[]> first, Map<RowKey, Integer> counts) {
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<RowKey, Object[]> e : first.entrySet()) {
            int c = counts.getOrDefault(e.getKey(), 0);
            int n = all ? c : Math.min(1, c);
            for (int i = 0; i < n; i++) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    @Override
    public int width() {
        return inputs.get(0).width();
    }
}
