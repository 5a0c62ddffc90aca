package io.basalt.storage.segment;

import io.basalt.storage.column.ColumnStats;
import java.util.List;

/**
 * One Parquet row group of a segment as recorded in storage's metadata.
 *
 * @param rowCount rows in the row group
 * @param columnStats statistics per column, aligned with the segment's columns
 */
public record RowGroupMeta(long rowCount, List<ColumnStats> columnStats) {

  public RowGroupMeta {
    columnStats = List.copyOf(columnStats);
  }
}
