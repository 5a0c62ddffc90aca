package io.basalt.storage.kv;

import java.nio.charset.StandardCharsets;

/**
 * RocksDB column families of a {@link KvStore}. {@link #META} belongs to the server (catalog
 * keys); the others are storage's own and must not be written by anyone else.
 */
public enum Family {
  /** The server's catalog and other small metadata; covered by checkpoint and restore. */
  META("meta"),
  /** Storage: table layouts, counters, segment metadata, delete vectors. */
  TABLES("storage.tables"),
  /** Storage: write-buffer batches as Arrow IPC bytes. */
  BUFFER("storage.buffer");

  private final String columnFamilyName;

  Family(String columnFamilyName) {
    this.columnFamilyName = columnFamilyName;
  }

  byte[] columnFamilyName() {
    return columnFamilyName.getBytes(StandardCharsets.UTF_8);
  }
}
