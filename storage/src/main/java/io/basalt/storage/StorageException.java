package io.basalt.storage;

/**
 * A storage failure that is not the caller's mistake: I/O, a corrupt record, a missing file.
 * Contract violations (unknown column, bad locator, wrong type) are
 * {@link IllegalArgumentException}s; use after close is an {@link IllegalStateException}.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a cause. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without a cause. */
  public StorageException(String message) {
    super(message);
  }
}
