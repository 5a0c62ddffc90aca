/** The RocksDB key-value store under the storage engine and the server's catalog. */
package io.basalt.storage.kv;
