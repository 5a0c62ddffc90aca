package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a scan reads.
 *
 * @param columnIds the columns to return, in this order (may be empty: row counts only)
 * @param pruning ranges that let the scan skip segments, row groups and buffered batches
 * @param withLocators whether the scanner reports each row's source id and position, as
 *     {@link TableMutation} deletes need
 * @param batchSize the most rows per batch (at most 1,048,576 are used)
 * @param keyColumnId a column the caller looks rows up by, or {@link #NO_KEY_COLUMN}. When set,
 *     storage may answer the {@link ColumnRange.Kind#VALUES} ranges of {@code pruning} on this
 *     column (equality and narrow closed ranges; several ranges on it are intersected) from a
 *     sorted per-source index of the column instead of reading every row: sources holding no
 *     matching key are skipped unread, and where few rows match only those are read (other
 *     sources are scanned as usual). Every row whose key satisfies the ranges is still returned;
 *     rows that do not may be too, so the caller still filters. The index costs memory and a
 *     first read of the column per source: name a column only for selective lookups (a primary
 *     or unique key, a narrow range).
 */
public record ScanRequest(List<Integer> columnIds, List<ColumnRange> pruning, boolean withLocators, int batchSize,
                          int keyColumnId) {

  /** Batch size of the convenience factories. */
  public static final int DEFAULT_BATCH_SIZE = 32 * 1024;

  /** {@link #keyColumnId()} of a request without a key column. */
  public static final int NO_KEY_COLUMN = -1;

  public ScanRequest {
    columnIds = List.copyOf(requireNonNull(columnIds, "columnIds"));
    pruning = List.copyOf(requireNonNull(pruning, "pruning"));
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0");
    }
    if (keyColumnId < NO_KEY_COLUMN) {
      throw new IllegalArgumentException("keyColumnId must be a column id or NO_KEY_COLUMN: " + keyColumnId);
    }
  }

  /** A request without a key column. */
  public ScanRequest(List<Integer> columnIds, List<ColumnRange> pruning, boolean withLocators, int batchSize) {
    this(columnIds, pruning, withLocators, batchSize, NO_KEY_COLUMN);
  }

  /** All rows of these columns, no pruning, no locators. */
  public static ScanRequest of(List<Integer> columnIds) {
    return new ScanRequest(columnIds, List.of(), false, DEFAULT_BATCH_SIZE);
  }

  /** This request with locators on. */
  public ScanRequest locating() {
    return new ScanRequest(columnIds, pruning, true, batchSize, keyColumnId);
  }

  /** This request with these pruning ranges. */
  public ScanRequest withPruning(List<ColumnRange> ranges) {
    return new ScanRequest(columnIds, ranges, withLocators, batchSize, keyColumnId);
  }

  /** This request with this batch size. */
  public ScanRequest withBatchSize(int rows) {
    return new ScanRequest(columnIds, pruning, withLocators, rows, keyColumnId);
  }

  /**
   * This request looking rows up by {@code columnId}: see {@link #keyColumnId()}.
   *
   * @param columnId a column id, or {@link #NO_KEY_COLUMN} for none
   */
  public ScanRequest withKeyColumn(int columnId) {
    return new ScanRequest(columnIds, pruning, withLocators, batchSize, columnId);
  }

  /** Whether a key column is set. */
  public boolean hasKeyColumn() {
    return keyColumnId != NO_KEY_COLUMN;
  }
}
