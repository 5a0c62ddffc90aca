package io.basalt.storage;

/**
 * What a scan read and skipped, for tests and EXPLAIN ANALYZE.
 *
 * @param segments segments in the scanned version
 * @param segmentsSkipped segments pruned by their statistics (never opened)
 * @param rowGroupsSkipped row groups of opened segments pruned by their statistics
 * @param bufferedBatches write-buffer batches in the scanned version
 * @param bufferedBatchesSkipped buffer batches pruned by their statistics
 * @param sourcesReadByKey segments and buffer batches of which only the rows their key index
 *     matched were read ({@link ScanRequest#keyColumnId()})
 * @param sourcesSkippedByKey segments and buffer batches skipped because their key index matched
 *     no live row
 * @param rowsDecoded segment rows decoded from Parquet data pages so far (the most of any
 *     projected column), not counting key index builds
 * @param rowsReturned rows returned so far
 */
public record ScanMetrics(int segments, int segmentsSkipped, int rowGroupsSkipped, int bufferedBatches,
                          int bufferedBatchesSkipped, int sourcesReadByKey, int sourcesSkippedByKey,
                          long rowsDecoded, long rowsReturned) {
}
