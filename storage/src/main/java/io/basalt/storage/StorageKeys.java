package io.basalt.storage;

import java.nio.ByteBuffer;

/**
 * Storage's RocksDB keys. In {@code Family.TABLES}: {@code L|table} layout, {@code N|table}
 * counters, {@code S|table|segment} segment metadata, {@code D|table|source} delete vector. In
 * {@code Family.BUFFER}: {@code table|source} an appended batch. Ids are big-endian so keys of
 * one table sort together and in id order.
 */
final class StorageKeys {

  static final byte LAYOUT = 'L';
  static final byte COUNTERS = 'N';
  static final byte SEGMENT = 'S';
  static final byte DELETES = 'D';

  private StorageKeys() {
  }

  static byte[] tag(byte tag) {
    return new byte[] {tag};
  }

  static byte[] key(byte tag, long tableId) {
    return ByteBuffer.allocate(9).put(tag).putLong(tableId).array();
  }

  static byte[] key(byte tag, long tableId, long id) {
    return ByteBuffer.allocate(17).put(tag).putLong(tableId).putLong(id).array();
  }

  static byte[] bufferPrefix(long tableId) {
    return ByteBuffer.allocate(8).putLong(tableId).array();
  }

  static byte[] bufferKey(long tableId, long sourceId) {
    return ByteBuffer.allocate(16).putLong(tableId).putLong(sourceId).array();
  }

  /** The table id of a {@code tag|table...} key. */
  static long tableIdOf(byte[] key) {
    return ByteBuffer.wrap(key, 1, 8).getLong();
  }

  /** The trailing id of a {@code tag|table|id} key. */
  static long idOf(byte[] key) {
    return ByteBuffer.wrap(key, 9, 8).getLong();
  }

  /** The source id of a buffer key. */
  static long bufferSourceOf(byte[] key) {
    return ByteBuffer.wrap(key, 8, 8).getLong();
  }

  static byte[] counters(long nextSourceId, int maxColumnId) {
    return ByteBuffer.allocate(13).put((byte) 1).putLong(nextSourceId).putInt(maxColumnId).array();
  }
}
