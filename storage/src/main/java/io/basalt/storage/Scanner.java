package io.basalt.storage;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Iterates the live rows of a {@link TableVersion} batch by batch. Each batch comes from one
 * source (a segment or a buffered batch); deleted rows are already filtered out. Rows come in no
 * guaranteed order. Not thread-safe; keeps its version's data alive until closed.
 */
public interface Scanner extends AutoCloseable {

  /** Loads the next non-empty batch; false at the end. */
  boolean next();

  /**
   * The current batch: vectors in the requested column order, named by column name. The same
   * root is refilled by every {@link #next()}; copy or transfer what must outlive that.
   */
  VectorSchemaRoot batch();

  /** Source of the current batch's rows (requires locators). */
  long sourceId();

  /** Physical position in {@link #sourceId()} of row {@code row} of the batch (requires locators). */
  int position(int row);

  /** Positions of all rows of the batch, a fresh array (requires locators). */
  int[] positions();

  /** Pruning and progress counters. */
  ScanMetrics metrics();

  /** Releases the scan's memory and its hold on the version. */
  @Override
  void close();
}
