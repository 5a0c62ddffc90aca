/**
 * Basalt's storage engine: {@link io.basalt.storage.StorageEngine} (one RocksDB plus Parquet
 * segment files per node), {@link io.basalt.storage.TableStore} (one table: segments, write
 * buffer, delete vectors), immutable reference-counted {@link io.basalt.storage.TableVersion}s
 * for readers, atomic {@link io.basalt.storage.TableMutation}s for the apply thread, and
 * checkpoint/restore for Raft snapshots. Storage knows columns, Arrow batches and physical row
 * positions only; SQL lives in the server.
 */
package io.basalt.storage;
