package io.basalt.storage;

/**
 * What a scan read and skipped, for tests and EXPLAIN ANALYZE.
 *
 * @param segments segments in the scanned version
 * @param segmentsSkipped segments pruned by their statistics (never opened)
 * @param rowGroupsSkipped row groups of opened segments pruned by their statistics
 * @param bufferedBatches write-buffer batches in the scanned version
 * @param bufferedBatchesSkipped buffer batches pruned by their statistics
 * @param rowsReturned rows returned so far
 */
public record ScanMetrics(int segments, int segmentsSkipped, int rowGroupsSkipped, int bufferedBatches,
                          int bufferedBatchesSkipped, long rowsReturned) {
}
