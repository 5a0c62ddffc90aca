package io.basalt.storage;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.column.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Decides from column statistics whether data can hold a row satisfying every range. */
final class Pruner {

  private record Bound(int columnId, ColumnKind kind, ColumnRange.Kind rangeKind, Object lower,
                       boolean lowerInclusive, Object upper, boolean upperInclusive) {
  }

  private final List<Bound> bounds = new ArrayList<>();

  /** Checks the ranges against the layout and normalizes their values. */
  Pruner(TableLayout layout, List<ColumnRange> ranges) {
    for (ColumnRange r : ranges) {
      ColumnSpec c = layout.column(r.columnId());
      if (c == null) {
        throw new IllegalArgumentException("pruning range on unknown column id " + r.columnId());
      }
      ColumnKind kind = c.kind();
      Object lo = r.lower() == null ? null : Values.normalize(kind, r.lower());
      Object hi = r.upper() == null ? null : Values.normalize(kind, r.upper());
      bounds.add(new Bound(c.id(), kind, r.kind(), lo, r.lowerInclusive(), hi, r.upperInclusive()));
    }
  }

  boolean isEmpty() {
    return bounds.isEmpty();
  }

  /** True when statistics prove that no row satisfies every range. */
  boolean canSkip(IntFunction<ColumnStats> statsByColumnId) {
    for (Bound b : bounds) {
      if (excludes(b, statsByColumnId.apply(b.columnId))) {
        return true;
      }
    }
    return false;
  }

  private static boolean excludes(Bound b, ColumnStats s) {
    if (s.rowCount() == 0) {
      return true;
    }
    if (b.rangeKind == ColumnRange.Kind.NULL) {
      return s.nullCount() == 0;
    }
    if (s.allNull()) {
      return true;
    }
    if (!s.hasMinMax()) {
      return false;
    }
    if (b.lower != null) {
      int c = Values.compare(b.kind, s.max(), b.lower);
      if (c < 0 || (c == 0 && !b.lowerInclusive)) {
        return true;
      }
    }
    if (b.upper != null) {
      int c = Values.compare(b.kind, s.min(), b.upper);
      if (c > 0 || (c == 0 && !b.upperInclusive)) {
        return true;
      }
    }
    return false;
  }
}
