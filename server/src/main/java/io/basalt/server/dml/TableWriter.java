package io.basalt.server.dml;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.arrow.ArrowValues;
import io.basalt.server.exec.op.RowKey;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.Scanner;
import io.basalt.storage.TableMutation;
import io.basalt.storage.TableStore;
import io.basalt.storage.TableVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Applies row changes to one table: fills AUTO_INCREMENT values, enforces NOT NULL and unique
 * keys against the table's current contents, and commits deletes plus appends as one storage
 * mutation. Runs on the state machine's apply thread.
 */
public final class TableWriter {
    private final TableDef table;
    private final TableStore store;
    private final BufferAllocator allocator;
    private final AutoIncrements autoIncrements;

    public TableWriter(TableDef table, TableStore store, BufferAllocator allocator, AutoIncrements autoIncrements) {
        this.table = table;
        this.store = store;
        this.allocator = allocator;
        this.autoIncrements = autoIncrements;
    }

    /** A row to delete by its storage locator. */
    public record Locator(long source, int position) {}

    /** Computes the locators to delete and the rows that replace them, against the version being changed. */
    @FunctionalInterface
    public interface Change {
        void compute(TableVersion version, List<Locator> deletes, List<Object[]> appends);
    }

    /**
     * The row that replaces {@code existing} when {@code inserted} meets it on a unique key
     * (INSERT ... ON DUPLICATE KEY UPDATE); rows are full table width.
     */
    @FunctionalInterface
    public interface DuplicateUpdate {
        Object[] apply(Object[] existing, Object[] inserted, long rowNumber);
    }

    /**
     * Inserts rows; a row that meets an existing one (or an earlier row of the same statement) on a
     * unique key updates that row instead, as {@code update} computes. MySQL's counts: 1 per
     * inserted row, 2 per changed row, 0 per row the update left as it was.
     */
    public WriteResult upsert(List<Object[]> rows, DuplicateUpdate update, ExecContext ctx) {
        long firstGenerated = assignAutoIncrement(rows);
        checkNotNull(rows);
        long[] counts = new long[2];
        try {
            store.mutate(version -> {
                Plan plan = new Plan(version);
                Map<Locator, Object[]> existing = plan.fetch(version, plan.existingOwners(rows));
                long rowNumber = 0;
                for (Object[] row : rows) {
                    Object owner = plan.firstConflict(row);
                    rowNumber++;
                    if (owner == null) {
                        counts[0] += plan.add(row, InsertMode.INSERT, ctx);
                        continue;
                    }
                    counts[1]++;
                    Object[] old = owner instanceof Locator l ? existing.get(l) : plan.pending.get((Integer) owner);
                    Object[] updated = update.apply(old, row, rowNumber);
                    checkNotNull(List.<Object[]>of(updated));
                    if (DmlExecutor.sameRow(old, updated, ctx)) {
                        continue;
                    }
                    plan.remove(owner);
                    // A new key value that another row holds is a duplicate-key error, as in MySQL.
                    plan.add(updated, InsertMode.INSERT, ctx);
                    counts[0] += 2;
                }
                return plan.mutation();
            });
        } finally {
            release();
        }
        return new WriteResult(counts[0], firstGenerated, rows.size(), counts[1], ctx.warnings());
    }

    /** Inserts rows (full table width, values coerced, DEFAULTs filled, NULL for AUTO_INCREMENT to generate). */
    public WriteResult insert(List<Object[]> rows, InsertMode mode, ExecContext ctx) {
        long firstGenerated = assignAutoIncrement(rows);
        checkNotNull(rows);
        long[] affected = new long[1];
        try {
            store.mutate(version -> {
                Plan plan = new Plan(version);
                for (Object[] row : rows) {
                    affected[0] += plan.add(row, mode, ctx);
                }
                return plan.mutation();
            });
        } finally {
            release();
        }
        return new WriteResult(affected[0], firstGenerated, affected[0], ctx.warnings());
    }

    /**
     * Deletes and re-inserts rows chosen by {@code change} (UPDATE, DELETE), checking unique keys
     * of the new rows against everything that stays.
     *
     * @return the number of rows deleted and appended, as computed
     */
    public long[] change(Change change, ExecContext ctx) {
        long[] counts = new long[2];
        try {
            store.mutate(version -> {
            List<Locator> deletes = new ArrayList<>();
            List<Object[]> appends = new ArrayList<>();
            change.compute(version, deletes, appends);
            checkNotNull(appends);
            Plan plan = new Plan(version);
            for (Locator l : deletes) {
                plan.delete(l);
            }
            for (Object[] row : appends) {
                plan.add(row, InsertMode.INSERT, ctx);
            }
            counts[0] = deletes.size();
            counts[1] = appends.size();
            return plan.mutation();
            });
        } finally {
            release();
        }
        return counts;
    }

    private long assignAutoIncrement(List<Object[]> rows) {
        ColumnDef auto = table.autoIncrementColumn();
        if (auto == null) {
            return 0;
        }
        int idx = table.columnIndex(auto.name());
        long first = 0;
        long max = 0;
        for (Object[] row : rows) {
            Object v = row[idx];
            long n = v == null ? 0 : MysqlValues.toLong(v, io.basalt.server.exec.value.Warnings.IGNORE);
            if (n == 0) {
                long next = Math.max(autoIncrements.next(table.id()), max + 1);
                row[idx] = auto.type().kind() == io.basalt.server.sql.type.SqlType.Kind.BIGINT && auto.type().unsigned()
                        ? java.math.BigDecimal.valueOf(next) : (Object) next;
                if (first == 0) {
                    first = next;
                }
                max = Math.max(max, next);
                autoIncrements.advance(table.id(), next);
            } else if (n > 0) {
                max = Math.max(max, n);
                autoIncrements.advance(table.id(), n);
            }
        }
        return first;
    }

    private void checkNotNull(List<Object[]> rows) {
        List<ColumnDef> cols = table.columns();
        for (Object[] row : rows) {
            for (int c = 0; c < cols.size(); c++) {
                if (row[c] == null && !cols.get(c).nullable()) {
                    throw BasaltException.of(ErrorCode.BAD_NULL, "Column '%s' cannot be null", cols.get(c).name());
                }
            }
        }
    }

    /** One stored row during a located scan: its locator, the batch's value getters and its row in the batch. */
    @FunctionalInterface
    private interface LocatedRows {
        void row(Locator locator, ArrowValues.Getter[] getters, int row);
    }

    /** The mutation being built, with the unique-key state it must respect. */
    private final class Plan {
        private final List<int[]> keys = new ArrayList<>();
        private final List<String> keyNames = new ArrayList<>();
        /** Per unique key: key value → where the row holding it lives (existing locator or pending index). */
        private final List<Map<RowKey, Object>> owners = new ArrayList<>();
        private final Map<Long, List<Integer>> deletes = new HashMap<>();
        private final Set<Locator> deleted = new HashSet<>();
        private final List<Object[]> pending = new ArrayList<>();
        private final Set<Integer> dropped = new HashSet<>();

        Plan(TableVersion version) {
            List<List<String>> unique = table.uniqueKeys();
            for (int k = 0; k < unique.size(); k++) {
                List<String> cols = unique.get(k);
                int[] idx = new int[cols.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = table.columnIndex(cols.get(i));
                }
                keys.add(idx);
                keyNames.add(k == 0 && !table.primaryKey().isEmpty() ? "PRIMARY" : indexName(cols));
                owners.add(new HashMap<>());
            }
            if (!keys.isEmpty()) {
                loadExistingKeys(version);
            }
        }

        private String indexName(List<String> cols) {
            return table.indexes().stream().filter(i -> i.unique() && i.columns().equals(cols))
                    .map(i -> i.name()).findFirst().orElse(cols.get(0));
        }

        private void loadExistingKeys(TableVersion version) {
            Set<Integer> needed = new java.util.TreeSet<>();
            for (int[] k : keys) {
                for (int c : k) {
                    needed.add(c);
                }
            }
            List<Integer> colIdx = new ArrayList<>(needed);
            Object[] row = new Object[table.columns().size()];
            scanLocated(version, colIdx, (loc, g, r) -> {
                for (int i = 0; i < g.length; i++) {
                    row[colIdx.get(i)] = g[i].get(r);
                }
                for (int k = 0; k < keys.size(); k++) {
                    RowKey key = RowKey.of(row, keys.get(k));
                    if (!key.hasNull()) {
                        owners.get(k).put(key, loc);
                    }
                }
            });
        }

        /** The stored rows (not rows of this statement) that {@code rows} meet on a unique key. */
        Set<Locator> existingOwners(List<Object[]> rows) {
            Set<Locator> out = new HashSet<>();
            for (Object[] row : rows) {
                for (int k = 0; k < keys.size(); k++) {
                    RowKey key = RowKey.of(row, keys.get(k));
                    if (!key.hasNull() && owners.get(k).get(key) instanceof Locator l) {
                        out.add(l);
                    }
                }
            }
            return out;
        }

        /** Every column of the stored rows at {@code wanted}. */
        Map<Locator, Object[]> fetch(TableVersion version, Set<Locator> wanted) {
            Map<Locator, Object[]> out = new HashMap<>();
            if (wanted.isEmpty()) {
                return out;
            }
            int width = table.columns().size();
            List<Integer> all = java.util.stream.IntStream.range(0, width).boxed().toList();
            scanLocated(version, all, (loc, g, r) -> {
                if (wanted.contains(loc)) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = g[i].get(r);
                    }
                    out.put(loc, row);
                }
            });
            return out;
        }

        /** Visits every stored row of {@code columns} (table column indexes) with its locator. */
        private void scanLocated(TableVersion version, List<Integer> columns, LocatedRows visitor) {
            List<Integer> ids = columns.stream().map(c -> table.columns().get(c).id()).toList();
            try (Scanner s = version.scan(ScanRequest.of(ids).locating())) {
                while (s.next()) {
                    VectorSchemaRoot b = s.batch();
                    ArrowValues.Getter[] g = new ArrowValues.Getter[columns.size()];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = ArrowValues.getter(b.getVector(i));
                    }
                    int[] positions = s.positions();
                    for (int r = 0; r < b.getRowCount(); r++) {
                        visitor.row(new Locator(s.sourceId(), positions[r]), g, r);
                    }
                }
            }
        }

        /** Where the row holding one of {@code row}'s unique key values lives, keys in order; null if none. */
        Object firstConflict(Object[] row) {
            for (int k = 0; k < keys.size(); k++) {
                RowKey key = RowKey.of(row, keys.get(k));
                if (key.hasNull()) {
                    continue;
                }
                Object owner = owners.get(k).get(key);
                if (owner != null && !isGone(owner)) {
                    return owner;
                }
            }
            return null;
        }

        void remove(Object owner) {
            if (owner instanceof Locator l) {
                delete(l);
            } else {
                dropped.add((Integer) owner);
            }
        }

        void delete(Locator l) {
            if (deleted.add(l)) {
                deletes.computeIfAbsent(l.source(), x -> new ArrayList<>()).add(l.position());
            }
        }

        /** Adds a row; returns the affected-row count MySQL reports for it. */
        long add(Object[] row, InsertMode mode, ExecContext ctx) {
            List<Object> conflicts = new ArrayList<>();
            int conflictKey = -1;
            RowKey[] rowKeys = new RowKey[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                RowKey key = RowKey.of(row, keys.get(k));
                rowKeys[k] = key;
                if (key.hasNull()) {
                    continue;
                }
                Object owner = owners.get(k).get(key);
                if (owner != null && !isGone(owner)) {
                    conflicts.add(owner);
                    if (conflictKey < 0) {
                        conflictKey = k;
                    }
                }
            }
            long affected = 1;
            if (!conflicts.isEmpty()) {
                switch (mode) {
                    case INSERT -> throw BasaltException.of(ErrorCode.DUPLICATE_ENTRY, "Duplicate entry '%s' for key '%s.%s'",
                            keyText(row, keys.get(conflictKey)), table.name(), keyNames.get(conflictKey));
                    case IGNORE -> {
                        ctx.warn(ErrorCode.DUPLICATE_ENTRY.mysqlErrno(), "Duplicate entry '"
                                + keyText(row, keys.get(conflictKey)) + "' for key '" + table.name() + "."
                                + keyNames.get(conflictKey) + "'");
                        return 0;
                    }
                    case REPLACE -> {
                        Set<Object> distinct = new HashSet<>(conflicts);
                        for (Object owner : distinct) {
                            if (owner instanceof Locator l) {
                                delete(l);
                            } else {
                                dropped.add((Integer) owner);
                            }
                            affected++;
                        }
                    }
                }
            }
            int index = pending.size();
            pending.add(row);
            for (int k = 0; k < keys.size(); k++) {
                if (!rowKeys[k].hasNull()) {
                    owners.get(k).put(rowKeys[k], index);
                }
            }
            return affected;
        }

        private boolean isGone(Object owner) {
            return owner instanceof Locator l ? deleted.contains(l) : dropped.contains((Integer) owner);
        }

        private String keyText(Object[] row, int[] cols) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols.length; i++) {
                if (i > 0) {
                    sb.append('-');
                }
                sb.append(MysqlValues.toText(row[cols[i]]));
            }
            return sb.toString();
        }

        TableMutation mutation() {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (!dropped.contains(i)) {
                    rows.add(pending.get(i));
                }
            }
            TableMutation.Builder b = TableMutation.builder();
            for (Map.Entry<Long, List<Integer>> e : deletes.entrySet()) {
                b.delete(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            }
            if (!rows.isEmpty()) {
                // Storage copies appended batches during the commit; this one is released after it.
                VectorSchemaRoot batch = ArrowRows.toBatch(table, rows, allocator);
                closeAfterCommit.add(batch);
                b.append(batch);
            }
            return b.build();
        }
    }

    private final List<VectorSchemaRoot> closeAfterCommit = new ArrayList<>();

    /** Releases batches handed to storage once the commit is done. */
    private void release() {
        for (VectorSchemaRoot r : closeAfterCommit) {
            r.close();
        }
        closeAfterCommit.clear();
    }
}
