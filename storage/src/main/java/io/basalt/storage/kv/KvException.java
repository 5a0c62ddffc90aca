package io.basalt.storage.kv;

/** A RocksDB or file-system failure inside a {@link KvStore}. */
public final class KvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KvException(String message, Throwable cause) {
    super(message, cause);
  }
}
