package io.basalt.consensus;

import com.alipay.sofa.jraft.core.DefaultJRaftServiceFactory;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.storage.LogStorage;

/**
 * jraft's default storage (RocksDB log, local meta and snapshot storage), with the log storage
 * wrapped so the node can report its first index; jraft's {@code Node} does not expose it.
 */
final class ObservedServiceFactory extends DefaultJRaftServiceFactory {

    private volatile ObservedLogStorage logStorage;

    @Override
    public LogStorage createLogStorage(String uri, RaftOptions raftOptions) {
        ObservedLogStorage storage = new ObservedLogStorage(super.createLogStorage(uri, raftOptions));
        this.logStorage = storage;
        return storage;
    }

    /** The first index in the log, as jraft last saw it; 0 before the log is open. */
    long firstLogIndex() {
        ObservedLogStorage storage = logStorage;
        return storage == null ? 0 : storage.firstLogIndex();
    }
}
