package io.basalt.storage;

/**
 * Size of a table version.
 *
 * @param liveRows rows a scan returns
 * @param deletedRows rows marked deleted but still stored
 * @param segments segment files
 * @param bufferedRows rows (live or deleted) in the write buffer
 * @param bufferedBatches batches in the write buffer
 * @param bufferedBytes Arrow IPC bytes of the write buffer
 * @param bytesOnDisk bytes of the segment files
 * @param version commit counter of the table, growing by one per committed change
 */
public record TableStats(long liveRows, long deletedRows, int segments, long bufferedRows, int bufferedBatches,
                         long bufferedBytes, long bytesOnDisk, long version) {
}
