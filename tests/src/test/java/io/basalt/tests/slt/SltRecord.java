package io.basalt.tests.slt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One record of a sqllogictest script, with the {@code skipif}/{@code onlyif} guards written in front of it. */
public sealed interface SltRecord {

    /** 1-based line of the record's first line (its guards excluded). */
    int line();

    /** Guards in front of the record, in file order. */
    List<Condition> conditions();

    /** Whether the record applies to {@code engine}: every guard must allow it. */
    default boolean appliesTo(String engine) {
        return conditions().stream().allMatch(c -> c.allows(engine));
    }

    /** {@code statement ok} or {@code statement error}. */
    record Statement(int line, List<Condition> conditions, boolean expectError, String sql) implements SltRecord {
        public Statement {
            conditions = List.copyOf(conditions);
            requireNonNull(sql, "sql");
        }
    }

    /**
     * {@code query <types> <sort-mode> [label]}.
     *
     * @param types one character per result column: {@code I}, {@code R} or {@code T}
     * @param expected the lines after {@code ----}: one value per line, or one {@code N values hashing to H} line
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sortMode, String label,
                 String sql, List<String> expected) implements SltRecord {
        public Query {
            conditions = List.copyOf(conditions);
            requireNonNull(types, "types");
            requireNonNull(sortMode, "sortMode");
            requireNonNull(sql, "sql");
            expected = List.copyOf(expected);
        }

        public boolean hasLabel() {
            return label != null && !label.isEmpty();
        }
    }

    /** {@code hash-threshold N}: results with more than N values are compared by their MD5 hash. */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
        public HashThreshold {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code halt}: the rest of the file is not run (when the guards allow it). */
    record Halt(int line, List<Condition> conditions) implements SltRecord {
        public Halt {
            conditions = List.copyOf(conditions);
        }
    }
}
