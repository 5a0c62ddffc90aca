package io.basalt.storage;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An immutable, consistent view of a table for readers: the layout, segments, write buffer and
 * delete vectors as of one commit. Holding it keeps the data it references (buffered Arrow
 * batches, segment files) alive; close it promptly. Scanners keep their own hold, so a version
 * may be closed while its scanners run. Thread-safe; each scanner is single-threaded.
 */
public final class TableVersion implements AutoCloseable {

  private final TableState state;
  private final BufferAllocator allocator;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Wraps a state on which the caller took a reference for this version. */
  TableVersion(TableState state, BufferAllocator allocator) {
    this.state = state;
    this.allocator = allocator;
  }

  /** The table's layout in this version. */
  public TableLayout layout() {
    return state.layout;
  }

  /** The commit counter of this version. */
  public long version() {
    return state.version;
  }

  /** Row counts and sizes of this version. */
  public TableStats stats() {
    checkOpen();
    return state.stats();
  }

  /**
   * Starts a scan. Validates the request first: unknown column ids or ill-typed range values
   * are {@link IllegalArgumentException}s.
   */
  public Scanner scan(ScanRequest request) {
    checkOpen();
    if (!state.tryRetain()) {
      throw new IllegalStateException("table version is released");
    }
    return new TableScanner(state, request, allocator, null);
  }

  TableState state() {
    return state;
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("table version is closed");
    }
  }

  /** Releases this hold on the version. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      state.release();
    }
  }
}
