package io.basalt.server.exec.op;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.arrow.ArrowValues;
import io.basalt.server.exec.expr.Scalar;
import io.basalt.storage.ColumnRange;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.Scanner;
import io.basalt.storage.TableStore;
import io.basalt.storage.TableVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Scans a stored table: asks storage for the needed columns with min/max pruning ranges, applies
 * the pushed filter to each row and emits the projected columns. With locators, two extra
 * columns carry each row's source id and position (for DELETE and UPDATE).
 */
public final class TableScanNode implements PhysicalNode {
    private final TableDef table;
    private final LongFunction<TableStore> stores;
    private final int[] projects;
    private final Scalar filter;
    private final int[] readColumns;
    private final List<ColumnRange> pruning;
    private final boolean withLocators;
    private final int tableWidth;

    /**
     * @param projects table column indexes to output; the two indexes past the last column select
     *     the row's storage source id and position (the hidden locator columns)
     * @param filter condition over the full table row, or null
     * @param filterColumns table column indexes the filter reads
     * @param pruning storage ranges implied by the filter
     */
    public TableScanNode(TableDef table, LongFunction<TableStore> stores, int[] projects, Scalar filter,
            int[] filterColumns, List<ColumnRange> pruning) {
        this.table = table;
        this.stores = stores;
        this.projects = projects;
        this.filter = filter;
        this.pruning = pruning;
        this.tableWidth = table.columns().size();
        boolean locators = false;
        java.util.TreeSet<Integer> read = new java.util.TreeSet<>();
        for (int p : projects) {
            if (p >= tableWidth) {
                locators = true;
            } else {
                read.add(p);
            }
        }
        this.withLocators = locators;
        if (filterColumns != null) {
            for (int c : filterColumns) {
                read.add(c);
            }
        }
        this.readColumns = read.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int width() {
        return projects.length;
    }

    /** True when the scan emits stored columns as they are: no filter, no locators, no column twice. */
    public boolean plain() {
        if (filter != null || withLocators) {
            return false;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int p : projects) {
            if (!seen.add(p)) {
                return false;
            }
        }
        return true;
    }

    /** For each output column, the index of its vector in the batches of {@link #openScanner()}. */
    public int[] outputSources() {
        int[] out = new int[projects.length];
        for (int i = 0; i < projects.length; i++) {
            out[i] = java.util.Arrays.binarySearch(readColumns, projects[i]);
        }
        return out;
    }

    /**
     * The storage id of the column whose ranges storage should answer from its key index: the first
     * primary key column, else the first column of another index, when the filter bounds it; -1
     * when none is bounded (a full scan).
     */
    private int keyColumnId() {
        List<String> candidates = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            candidates.add(table.primaryKey().get(0));
        }
        for (io.basalt.server.catalog.IndexDef index : table.indexes()) {
            if (!index.columns().isEmpty()) {
                candidates.add(index.columns().get(0));
            }
        }
        for (String name : candidates) {
            io.basalt.server.catalog.ColumnDef col = table.column(name);
            if (col == null) {
                continue;
            }
            for (ColumnRange r : pruning) {
                if (r.columnId() == col.id() && r.kind() == ColumnRange.Kind.VALUES
                        && (r.lower() != null || r.upper() != null)) {
                    return col.id();
                }
            }
        }
        return -1;
    }

    /** The storage scan behind {@link #open}, for reading whole batches (see {@link #plain()}). */
    public Scanner openScanner() {
        TableStore store = stores.apply(table.id());
        if (store == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", table.database(), table.name());
        }
        List<Integer> ids = new ArrayList<>();
        for (int c : readColumns) {
            ids.add(table.columns().get(c).id());
        }
        TableVersion version = store.current();
        ScanRequest request = ScanRequest.of(ids).withPruning(pruning);
        int key = keyColumnId();
        if (key >= 0) {
            request = request.withKeyColumn(key);
        }
        if (withLocators) {
            request = request.locating();
        }
        try {
            return version.scan(request);
        } finally {
            version.close();
        }
    }

    @Override
    public RowSource open(ExecContext ctx) {
        return new Source(openScanner(), ctx);
    }

    private final class Source implements RowSource {
        private final Scanner scanner;
        private final ExecContext ctx;
        private ArrowValues.Getter[] getters;
        private int rowCount;
        private int row;
        private int[] positions;

        Source(Scanner scanner, ExecContext ctx) {
            this.scanner = scanner;
            this.ctx = ctx;
        }

        @Override
        public Object[] next() {
            while (true) {
                if (getters == null || row >= rowCount) {
                    ctx.checkCancelled();
                    if (!scanner.next()) {
                        return null;
                    }
                    VectorSchemaRoot batch = scanner.batch();
                    getters = new ArrowValues.Getter[readColumns.length];
                    for (int i = 0; i < readColumns.length; i++) {
                        FieldVector v = batch.getVector(i);
                        getters[i] = ArrowValues.getter(v);
                    }
                    rowCount = batch.getRowCount();
                    row = 0;
                    positions = withLocators ? scanner.positions() : null;
                }
                int r = row++;
                Object[] full = new Object[tableWidth + 2];
                for (int i = 0; i < readColumns.length; i++) {
                    full[readColumns[i]] = getters[i].get(r);
                }
                if (filter != null && !Boolean.TRUE.equals(filter.eval(full, ctx))) {
                    continue;
                }
                if (withLocators) {
                    full[tableWidth] = scanner.sourceId();
                    full[tableWidth + 1] = (long) positions[r];
                }
                Object[] out = new Object[projects.length];
                for (int i = 0; i < projects.length; i++) {
                    out[i] = full[projects[i]];
                }
                return out;
            }
        }

        @Override
        public void close() {
            scanner.close();
        }
    }
}
