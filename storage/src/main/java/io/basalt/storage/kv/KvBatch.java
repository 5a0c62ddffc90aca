package io.basalt.storage.kv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes that {@link KvStore#write(KvBatch)} applies atomically, in order. Plain Java: holds no
 * native resources, so it may be built before and outside any lock.
 */
public final class KvBatch {

  enum Kind { PUT, DELETE, DELETE_RANGE }

  record Op(Kind kind, Family family, byte[] key, byte[] value) {
  }

  private final List<Op> ops = new ArrayList<>();
  private long bytes;

  /** Sets {@code key} to {@code value}. */
  public KvBatch put(Family family, byte[] key, byte[] value) {
    ops.add(new Op(Kind.PUT, requireNonNull(family), requireNonNull(key), requireNonNull(value)));
    bytes += key.length + value.length;
    return this;
  }

  /** Removes {@code key}. */
  public KvBatch delete(Family family, byte[] key) {
    ops.add(new Op(Kind.DELETE, requireNonNull(family), requireNonNull(key), null));
    bytes += key.length;
    return this;
  }

  /** Removes every key starting with {@code prefix} (which must not be all 0xFF bytes). */
  public KvBatch deletePrefix(Family family, byte[] prefix) {
    ops.add(new Op(Kind.DELETE_RANGE, requireNonNull(family), requireNonNull(prefix), prefixEnd(prefix)));
    bytes += 2L * prefix.length;
    return this;
  }

  /** Number of operations. */
  public int size() {
    return ops.size();
  }

  /** True when the batch holds no operation. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** Approximate payload size in bytes. */
  public long approximateBytes() {
    return bytes;
  }

  List<Op> ops() {
    return ops;
  }

  /** The smallest key greater than every key starting with {@code prefix}. */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    throw new IllegalArgumentException("prefix of only 0xFF bytes has no end key");
  }
}
