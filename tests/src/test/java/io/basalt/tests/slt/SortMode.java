package io.basalt.tests.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How a query's result values are ordered before they are compared, as in the reference runner. */
public enum SortMode {
    /** Values are compared in the order the server returned them. */
    NOSORT,
    /** Rows are sorted, comparing column by column as strings (C {@code strcmp}). */
    ROWSORT,
    /** All values are sorted individually, ignoring row boundaries. */
    VALUESORT;

    /** Parses the sort-mode token of a {@code query} line. */
    public static SortMode parse(String token) {
        return switch (token) {
            case "nosort" -> NOSORT;
            case "rowsort" -> ROWSORT;
            case "valuesort" -> VALUESORT;
            default -> throw new IllegalArgumentException("unknown sort mode: " + token);
        };
    }

    /** Returns the values of {@code rows} (each the formatted values of one row), flattened in this mode's order. */
    public List<String> apply(List<List<String>> rows) {
        List<List<String>> ordered = rows;
        if (this == ROWSORT) {
            ordered = new ArrayList<>(rows);
            ordered.sort(ROW_ORDER);
        }
        List<String> values = new ArrayList<>();
        ordered.forEach(values::addAll);
        if (this == VALUESORT) {
            values.sort(Comparator.naturalOrder());
        }
        return values;
    }

    /** The reference's rowCompare: strcmp on each column in turn. Values are ASCII once formatted. */
    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
