package io.basalt.server.state;

import io.basalt.consensus.ReplicatedStateMachine;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.FrontendDef;
import io.basalt.server.command.CommandCodec;
import io.basalt.server.dml.AutoIncrements;
import io.basalt.server.infoschema.InformationSchema;
import io.basalt.server.sql.plan.SystemTable;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageOptions;
import io.basalt.storage.TableStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated state of a node: the catalog and the table data. It is a deterministic function
 * of the Raft log: at start the live directory is emptied, the latest snapshot is loaded and the
 * log tail is applied, so no write is ever applied twice.
 */
public final class DatabaseState implements ReplicatedStateMachine, AutoIncrements, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseState.class);
    private static final String STORAGE_SNAPSHOT_DIR = "storage";

    private final StorageEngine storage;
    private final BufferAllocator allocator;
    private final String serverVersion;
    private final Map<Long, Long> autoIncrement = new ConcurrentHashMap<>();
    private final CommandApplier applier;
    private volatile Catalog catalog = Catalog.EMPTY;
    private volatile Map<String, FrontendDef> frontends = Map.of();
    private volatile long appliedIndex;
    private final Object appliedMonitor = new Object();
    /** Held shared by statements while they take their view of the state, exclusively while a snapshot loads. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock viewLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile Consumer<Boolean> leadershipListener = leader -> { };

    private DatabaseState(StorageEngine storage, BufferAllocator allocator, String serverVersion) {
        this.storage = storage;
        this.allocator = allocator;
        this.serverVersion = serverVersion;
        this.applier = new CommandApplier(this);
    }

    /**
     * Opens an empty state in {@code dir}, deleting whatever a previous run left there: the Raft
     * snapshot and log are the source of truth.
     */
    public static DatabaseState open(Path dir, BufferAllocator allocator, StorageOptions options, String serverVersion)
            throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        StorageEngine storage = StorageEngine.open(dir, allocator.newChildAllocator("storage", 0, Long.MAX_VALUE), options);
        return new DatabaseState(storage, allocator, serverVersion);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The current catalog snapshot. */
    public Catalog catalog() {
        return catalog;
    }

    void setCatalog(Catalog c) {
        CatalogStore.save(storage.kv(), c);
        this.catalog = c;
    }

    public StorageEngine storage() {
        return storage;
    }

    /** Table storage by table id (null when absent). */
    public LongFunction<TableStore> stores() {
        return storage::table;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** Index of the last applied log entry. */
    public long appliedIndex() {
        return appliedIndex;
    }

    /** The read-only schemas every query sees besides the databases. */
    public Map<String, Map<String, SystemTable>> systemSchemas(Catalog c) {
        return Map.of(InformationSchema.NAME, InformationSchema.tables(c, id -> {
            TableStore t = storage.table(id);
            return t == null ? -1L : t.stats().liveRows();
        }));
    }

    /** Called with true when this node becomes leader and false when it stops being leader. */
    public void onLeadership(Consumer<Boolean> listener) {
        this.leadershipListener = listener;
    }

    @Override
    public Object apply(long index, ByteBuffer command) {
        CommandCodec.Decoded d = CommandCodec.decode(command);
        try {
            return applier.apply(index, d.command(), d.payload());
        } finally {
            synchronized (appliedMonitor) {
                appliedIndex = index;
                appliedMonitor.notifyAll();
            }
        }
    }

    /**
     * Waits until this replica has applied the command at {@code index} (an index from
     * {@link #appliedIndex()} on any replica, e.g. the leader's after it applied a forwarded write).
     *
     * @return whether it was applied within {@code timeoutMillis}
     */
    public boolean awaitApplied(long index, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (appliedMonitor) {
            while (appliedIndex < index) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                appliedMonitor.wait(left);
            }
            return true;
        }
    }

    /**
     * Runs {@code view} while no snapshot is being loaded, so that a statement takes its catalog
     * and table versions either wholly before or wholly after an installed snapshot, never from a
     * half-loaded state.
     */
    public <T> T withConsistentView(java.util.function.Supplier<T> view) {
        viewLock.readLock().lock();
        try {
            return view.get();
        } finally {
            viewLock.readLock().unlock();
        }
    }

    @Override
    public void saveSnapshot(Path dir) throws IOException {
        Path storageDir = dir.resolve(STORAGE_SNAPSHOT_DIR);
        storage.checkpoint(storageDir);
        SnapshotChecksums.write(storageDir);
    }

    @Override
    public void loadSnapshot(Path dir) throws IOException {
        Path storageDir = dir.resolve(STORAGE_SNAPSHOT_DIR);
        // Verified before anything is replaced: a damaged transfer never becomes the state.
        SnapshotChecksums.verify(storageDir);
        viewLock.writeLock().lock();
        try {
            storage.restore(storageDir);
            catalog = CatalogStore.load(storage.kv());
            frontends = Map.copyOf(CatalogStore.loadFrontends(storage.kv()));
            autoIncrement.clear();
            autoIncrement.putAll(CatalogStore.loadCounters(storage.kv()));
        } finally {
            viewLock.writeLock().unlock();
        }
        LOG.info("loaded snapshot: {} databases", catalog.databases().size());
    }

    /** Cluster members as they registered, by Raft address. */
    public Map<String, FrontendDef> frontends() {
        return frontends;
    }

    void putFrontend(FrontendDef f) {
        CatalogStore.saveFrontend(storage.kv(), f);
        Map<String, FrontendDef> m = new java.util.TreeMap<>(frontends);
        m.put(f.raftAddress(), f);
        frontends = Map.copyOf(m);
    }

    @Override
    public void onLeaderStart(long term) {
        leadershipListener.accept(true);
    }

    @Override
    public void onLeaderStop() {
        leadershipListener.accept(false);
    }

    @Override
    public void onFatalError(Throwable error) {
        LOG.error("the state machine stopped applying the log; this node no longer follows the cluster", error);
    }

    @Override
    public long next(long tableId) {
        return autoIncrement.getOrDefault(tableId, 1L);
    }

    @Override
    public void advance(long tableId, long used) {
        long next = Math.max(next(tableId), used + 1);
        autoIncrement.put(tableId, next);
        CatalogStore.saveCounter(storage.kv(), tableId, next);
    }

    void resetAutoIncrement(long tableId, long next) {
        if (next <= 1) {
            autoIncrement.remove(tableId);
            CatalogStore.deleteCounter(storage.kv(), tableId);
        } else {
            autoIncrement.put(tableId, next);
            CatalogStore.saveCounter(storage.kv(), tableId, next);
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
