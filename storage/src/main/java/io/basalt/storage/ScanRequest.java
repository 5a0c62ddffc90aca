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
 */
public record ScanRequest(List<Integer> columnIds, List<ColumnRange> pruning, boolean withLocators, int batchSize) {

  /** Batch size of the convenience factories. */
  public static final int DEFAULT_BATCH_SIZE = 32 * 1024;

  public ScanRequest {
    columnIds = List.copyOf(requireNonNull(columnIds, "columnIds"));
    pruning = List.copyOf(requireNonNull(pruning, "pruning"));
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0");
    }
  }

  /** All rows of these columns, no pruning, no locators. */
  public static ScanRequest of(List<Integer> columnIds) {
    return new ScanRequest(columnIds, List.of(), false, DEFAULT_BATCH_SIZE);
  }

  /** This request with locators on. */
  public ScanRequest locating() {
    return new ScanRequest(columnIds, pruning, true, batchSize);
  }

  /** This request with these pruning ranges. */
  public ScanRequest withPruning(List<ColumnRange> ranges) {
    return new ScanRequest(columnIds, ranges, withLocators, batchSize);
  }

  /** This request with this batch size. */
  public ScanRequest withBatchSize(int rows) {
    return new ScanRequest(columnIds, pruning, withLocators, rows);
  }
}
