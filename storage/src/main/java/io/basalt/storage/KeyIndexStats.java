package io.basalt.storage;

/**
 * The key indexes of a {@link StorageEngine} (see {@link ScanRequest#keyColumnId()}).
 *
 * @param bytes approximate heap bytes of the indexes held now
 * @param indexes indexes held now (one per source and key column)
 * @param builds indexes built since the engine opened (first uses and rebuilds after eviction)
 * @param evictions indexes dropped to stay within the budget
 * @param budgetBytes {@link StorageOptions#keyIndexCacheBytes()}
 */
public record KeyIndexStats(long bytes, int indexes, long builds, long evictions, long budgetBytes) {
}
