package io.basalt.consensus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Iterator;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.StateMachineAdapter;
import com.alipay.sofa.jraft.entity.LeaderChangeContext;
import com.alipay.sofa.jraft.error.RaftError;
import com.alipay.sofa.jraft.error.RaftException;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotReader;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotWriter;

/**
 * Adapts a {@link ReplicatedStateMachine} to jraft's state machine: hands committed entries to
 * {@code apply}, turns apply's outcome into the proposer's result, maps snapshot save/load onto a
 * directory of files, and tracks leadership and the entry-count snapshot trigger.
 */
final class StateMachineBridge extends StateMachineAdapter {

    /**
     * Snapshot files live in this sub-directory of jraft's snapshot directory, so the machine gets an
     * empty directory of its own beside jraft's {@code __raft_snapshot_meta}.
     */
    static final String SNAPSHOT_DATA_DIR = "data";

    private static final Logger LOG = LoggerFactory.getLogger(StateMachineBridge.class);

    private final ReplicatedStateMachine machine;
    private final String name;
    private final long snapshotLogEntries;
    private final long snapshotLogBytes;
    private final Runnable snapshotDue;
    /** Bytes of commands applied since the last snapshot was saved (state-machine thread only). */
    private volatile long bytesSinceSnapshot;

    // Written on the state-machine thread, read by RaftNode's accessors.
    private volatile long term;
    private volatile long lastSnapshotIndex;
    private volatile long lastAppliedIndex;

    StateMachineBridge(ReplicatedStateMachine machine, String name, long snapshotLogEntries, long snapshotLogBytes,
            Runnable snapshotDue) {
        this.machine = machine;
        this.name = name;
        this.snapshotLogEntries = snapshotLogEntries;
        this.snapshotLogBytes = snapshotLogBytes;
        this.snapshotDue = snapshotDue;
    }

    long term() {
        return term;
    }

    /** The index of the last command handed to the machine (ahead of jraft's count within a batch). */
    long lastAppliedIndex() {
        return lastAppliedIndex;
    }

    /** Whether enough was applied since the last snapshot (entries or bytes, as configured) to take another. */
    boolean snapshotDue() {
        return snapshotLogEntries > 0 && lastAppliedIndex - lastSnapshotIndex >= snapshotLogEntries
                || snapshotLogBytes > 0 && bytesSinceSnapshot >= snapshotLogBytes;
    }

    long lastSnapshotIndex() {
        return lastSnapshotIndex;
    }

    @Override
    public void onApply(Iterator iter) {
        while (iter.hasNext()) {
            long index = iter.getIndex();
            ByteBuffer data = iter.getData();
            ByteBuffer command = data == null ? ByteBuffer.allocate(0) : data.asReadOnlyBuffer();
            bytesSinceSnapshot += command.remaining();
            Object result = null;
            RuntimeException failure = null;
            try {
                result = machine.apply(index, command);
            } catch (RuntimeException e) {
                // A deterministic failure is the command's result; every replica fails alike.
                failure = e;
                LOG.debug("{}: command at index {} failed: {}", name, index, e.toString());
            } catch (Error e) {
                LOG.error("{}: state machine failed fatally applying index {}; halting this replica", name, index, e);
                // Roll back this entry so it does not count as applied; jraft then halts the
                // state machine and reports the error through onError.
                iter.setErrorAndRollback(1, new Status(RaftError.ESTATEMACHINE, "apply threw %s at index %d",
                        e, index));
                return;
            }
            lastAppliedIndex = index;
            Closure done = iter.done();
            if (done instanceof ProposalClosure proposal) {
                proposal.applied(result, failure);
            }
            if (done != null) {
                done.run(Status.OK());
            }
            iter.next();
        }
        if (snapshotDue()) {
            snapshotDue.run();
        }
    }

    @Override
    public void onSnapshotSave(SnapshotWriter writer, Closure done) {
        long start = System.nanoTime();
        // jraft's snapshot index counts its own entries too; fall back to ours if it gives none.
        var meta = writer.getCurrentMeta();
        long index = meta != null ? meta.getLastIncludedIndex() : lastAppliedIndex;
        Path root = Path.of(writer.getPath());
        Path dir = root.resolve(SNAPSHOT_DATA_DIR);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            machine.saveSnapshot(dir);
            List<String> files = listFiles(root, dir);
            for (String file : files) {
                if (!writer.addFile(file)) {
                    throw new IOException("jraft refused snapshot file " + file);
                }
            }
            lastSnapshotIndex = Math.max(lastSnapshotIndex, index);
            bytesSinceSnapshot = 0;
            LOG.info("{}: saved snapshot at index {} ({} files) in {} ms", name, index, files.size(),
                    (System.nanoTime() - start) / 1_000_000);
            done.run(Status.OK());
        } catch (Exception e) {
            LOG.error("{}: failed to save snapshot at index {}", name, index, e);
            done.run(new Status(RaftError.EIO, "saveSnapshot failed: %s", e));
        }
    }

    @Override
    public boolean onSnapshotLoad(SnapshotReader reader) {
        long start = System.nanoTime();
        var meta = reader.load();
        long index = meta == null ? -1 : meta.getLastIncludedIndex();
        Path dir = Path.of(reader.getPath()).resolve(SNAPSHOT_DATA_DIR);
        try {
            // A snapshot whose machine wrote no files arrives without the directory.
            Files.createDirectories(dir);
            machine.loadSnapshot(dir);
        } catch (Exception e) {
            LOG.error("{}: failed to load snapshot at index {} from {}", name, index, reader.getPath(), e);
            return false;
        }
        if (index >= 0) {
            lastSnapshotIndex = index;
            lastAppliedIndex = index;
        }
        LOG.info("{}: loaded snapshot at index {} in {} ms", name, index, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    @Override
    public void onLeaderStart(long term) {
        this.term = term;
        LOG.info("{}: became leader of term {}", name, term);
        try {
            machine.onLeaderStart(term);
        } catch (RuntimeException e) {
            LOG.warn("{}: onLeaderStart({}) threw", name, term, e);
        }
    }

    @Override
    public void onLeaderStop(Status status) {
        LOG.info("{}: stopped being leader of term {}: {}", name, term, status);
        try {
            machine.onLeaderStop();
        } catch (RuntimeException e) {
            LOG.warn("{}: onLeaderStop threw", name, e);
        }
    }

    @Override
    public void onStartFollowing(LeaderChangeContext ctx) {
        this.term = ctx.getTerm();
        LOG.info("{}: following leader {} in term {}", name, ctx.getLeaderId(), ctx.getTerm());
    }

    @Override
    public void onStopFollowing(LeaderChangeContext ctx) {
        LOG.info("{}: stopped following leader {} in term {}: {}", name, ctx.getLeaderId(), ctx.getTerm(),
                ctx.getStatus());
    }

    @Override
    public void onConfigurationCommitted(Configuration conf) {
        LOG.info("{}: group configuration committed: {}", name, conf);
    }

    @Override
    public void onError(RaftException e) {
        LOG.error("{}: replica halted: {}", name, e.getStatus(), e);
        try {
            machine.onFatalError(new ConsensusException(e.getStatus().getRaftError() == null ? null
                    : e.getStatus().getRaftError().name(), "replica halted: " + e.getStatus(), e));
        } catch (RuntimeException hook) {
            LOG.warn("{}: onFatalError threw", name, hook);
        }
    }

    @Override
    public void onShutdown() {
        LOG.debug("{}: state machine shut down", name);
    }

    /** Every regular file under {@code dir}, as a '/'-separated path relative to {@code root}. */
    private static List<String> listFiles(Path root, Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
