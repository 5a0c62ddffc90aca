package io.basalt.storage.kv;

import static java.util.Objects.requireNonNull;

/**
 * One entry returned by a {@link KvStore} scan.
 *
 * @param key the full key
 * @param value the value
 */
public record KeyValue(byte[] key, byte[] value) {

  public KeyValue {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }
}
