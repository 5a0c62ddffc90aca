package io.basalt.consensus;

import java.util.List;

import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import com.alipay.sofa.jraft.storage.LogStorage;
import com.alipay.sofa.jraft.util.Describer;

/**
 * Delegates to jraft's log storage and remembers its first index as jraft's own threads see it.
 * Asking RocksDBLogStorage for its first index from another thread is unsafe: on a store that has
 * never been truncated it lazily loads and persists the index, which can race with a concurrent
 * truncation and write back the stale value.
 */
final class ObservedLogStorage implements LogStorage, Describer {

    private final LogStorage delegate;
    private volatile long firstLogIndex = 1;

    ObservedLogStorage(LogStorage delegate) {
        this.delegate = delegate;
    }

    /** The first index jraft last read or set; never touches the storage. */
    long firstLogIndex() {
        return firstLogIndex;
    }

    @Override
    public boolean init(LogStorageOptions options) {
        return delegate.init(options);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public long getFirstLogIndex() {
        long index = delegate.getFirstLogIndex();
        firstLogIndex = index;
        return index;
    }

    @Override
    public long getLastLogIndex() {
        return delegate.getLastLogIndex();
    }

    @Override
    public LogEntry getEntry(long index) {
        return delegate.getEntry(index);
    }

    @Override
    public long getTerm(long index) {
        return delegate.getTerm(index);
    }

    @Override
    public boolean appendEntry(LogEntry entry) {
        return delegate.appendEntry(entry);
    }

    @Override
    public int appendEntries(List<LogEntry> entries) {
        return delegate.appendEntries(entries);
    }

    @Override
    public boolean truncatePrefix(long firstIndexKept) {
        boolean done = delegate.truncatePrefix(firstIndexKept);
        if (done) {
            firstLogIndex = firstIndexKept;
        }
        return done;
    }

    @Override
    public boolean truncateSuffix(long lastIndexKept) {
        return delegate.truncateSuffix(lastIndexKept);
    }

    @Override
    public boolean reset(long nextLogIndex) {
        boolean done = delegate.reset(nextLogIndex);
        if (done) {
            firstLogIndex = nextLogIndex;
        }
        return done;
    }

    @Override
    public void describe(Printer out) {
        if (delegate instanceof Describer describer) {
            describer.describe(out);
        }
    }
}
