package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.roaringbitmap.RoaringBitmap;

/**
 * One atomic change of a table: rows to delete by locator (source id + position, as reported by
 * a {@link Scanner} with locators over the version the mutation is computed from) and batches to
 * append. {@link TableStore#mutate} commits all of it or nothing.
 *
 * <p>Appended roots stay owned by the caller: storage copies them during the commit, so the
 * caller may close them once {@code mutate} returns. Their vectors are matched to the layout's
 * columns by name and must have exactly the column's Arrow type; missing nullable columns are
 * null.
 */
public final class TableMutation {

  private static final TableMutation NONE = new TableMutation(Map.of(), List.of());

  private final Map<Long, RoaringBitmap> deletes;
  private final List<VectorSchemaRoot> appends;

  private TableMutation(Map<Long, RoaringBitmap> deletes, List<VectorSchemaRoot> appends) {
    this.deletes = deletes;
    this.appends = appends;
  }

  /** A mutation that changes nothing. */
  public static TableMutation none() {
    return NONE;
  }

  /** A mutation that appends one batch. */
  public static TableMutation append(VectorSchemaRoot rows) {
    return builder().append(rows).build();
  }

  /** Starts a mutation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Positions to delete by source id. The bitmaps must not be modified. */
  public Map<Long, RoaringBitmap> deletes() {
    return deletes;
  }

  /** Batches to append, in order. */
  public List<VectorSchemaRoot> appends() {
    return appends;
  }

  /** True when the mutation neither deletes nor appends. */
  public boolean isEmpty() {
    return deletes.isEmpty() && appends.isEmpty();
  }

  /** Builds a {@link TableMutation}. Not thread-safe. */
  public static final class Builder {
    private final Map<Long, RoaringBitmap> deletes = new LinkedHashMap<>();
    private final List<VectorSchemaRoot> appends = new ArrayList<>();

    private Builder() {
    }

    /** Deletes one row. */
    public Builder delete(long sourceId, int position) {
      bitmap(sourceId).add(position);
      return this;
    }

    /** Deletes rows of one source. */
    public Builder delete(long sourceId, int... positions) {
      bitmap(sourceId).add(positions);
      return this;
    }

    /** Deletes rows of one source; the bitmap is copied. */
    public Builder delete(long sourceId, RoaringBitmap positions) {
      bitmap(sourceId).or(positions);
      return this;
    }

    /** Appends a batch (not copied until commit: keep it open until {@code mutate} returns). */
    public Builder append(VectorSchemaRoot rows) {
      appends.add(requireNonNull(rows, "rows"));
      return this;
    }

    private RoaringBitmap bitmap(long sourceId) {
      return deletes.computeIfAbsent(sourceId, k -> new RoaringBitmap());
    }

    /** The mutation. */
    public TableMutation build() {
      Map<Long, RoaringBitmap> d = new LinkedHashMap<>();
      deletes.forEach((k, v) -> {
        if (!v.isEmpty()) {
          d.put(k, v);
        }
      });
      if (d.isEmpty() && appends.isEmpty()) {
        return NONE;
      }
      return new TableMutation(Collections.unmodifiableMap(d), List.copyOf(appends));
    }
  }
}
