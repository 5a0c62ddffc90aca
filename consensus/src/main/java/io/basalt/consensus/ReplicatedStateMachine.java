package io.basalt.consensus;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The deterministic state a {@link RaftNode} replicates: every replica applies the same committed
 * commands in the same order and so reaches the same state.
 *
 * <h2>Threading</h2>
 * {@link #apply}, {@link #saveSnapshot}, {@link #loadSnapshot} and the leadership callbacks are all
 * called on one thread (jraft's state-machine thread), one at a time, never concurrently with each
 * other. While one of them runs, no other committed entry is applied, so they should not block on
 * anything slow that is not part of the state itself.
 *
 * <h2>What the node guarantees</h2>
 * <ul>
 *   <li>{@link #apply} sees every committed command exactly once per "life" of the state, in log
 *       order, with strictly increasing indexes. Indexes are not contiguous: Raft's own entries
 *       (configuration changes) occupy indexes too and are not passed here.</li>
 *   <li>On start the node first calls {@link #loadSnapshot} with the newest local snapshot, if there
 *       is one, and then applies the commands after the snapshot's index. The machine must therefore
 *       treat {@code loadSnapshot} as "replace the whole state with exactly the state at index N"
 *       and must not keep anything applied before it (e.g. state persisted on its own outside the
 *       snapshot that already includes entries after N), or those entries are applied twice.
 *       A machine that persists state outside snapshots must make {@code loadSnapshot} discard it.</li>
 *   <li>A lagging or new replica may receive {@link #loadSnapshot} at any time while running (a
 *       snapshot installed from the leader); the same contract applies.</li>
 * </ul>
 */
public interface ReplicatedStateMachine {

    /**
     * Applies one committed command. Must be deterministic: its effect and its result may depend only
     * on the current state, {@code index} and the command bytes.
     *
     * <p>The return value is delivered to the future returned by {@link RaftNode#propose} when the
     * command was proposed on this node (on other replicas it is discarded). A thrown
     * {@link RuntimeException} is the command's result too (a deterministic failure, e.g. "table
     * exists"): it completes that future exceptionally and the node keeps applying. Every replica must
     * fail the same way, and a failed command must leave the state unchanged or changed identically on
     * every replica. An {@link Error} is not a result: it stops this replica's state machine (see
     * {@link #onFatalError}).
     *
     * @param index the Raft log index of the entry
     * @param command the command bytes as proposed; a read-only buffer valid only during the call
     * @return the command's result, may be {@code null}
     */
    Object apply(long index, ByteBuffer command);

    /**
     * Writes a consistent image of the current state (everything applied so far) into {@code dir}, an
     * existing empty directory. Every regular file under {@code dir}, recursively, becomes part of the
     * snapshot and is shipped to replicas that need it, keeping its relative path; empty directories
     * are not. The node owns {@code dir} after this returns: do not keep references to it. Throwing
     * fails this snapshot only; the node keeps running on its log.
     *
     * @param dir an empty directory to write the snapshot's files into
     * @throws Exception if the snapshot cannot be written
     */
    void saveSnapshot(Path dir) throws Exception;

    /**
     * Replaces the whole state with the snapshot in {@code dir} (the files one {@link #saveSnapshot}
     * wrote, possibly on another replica). The directory belongs to the node and is deleted once a
     * newer snapshot exists: copy or hard-link out of it what must outlive the call. Throwing stops
     * this replica (it cannot continue without a state).
     *
     * @param dir the snapshot's directory
     * @throws Exception if the snapshot cannot be loaded
     */
    void loadSnapshot(Path dir) throws Exception;

    /**
     * Called when this node has become leader of {@code term}: jraft calls it once the leader's first
     * entry of the term has committed, so every entry of earlier terms has been applied by then.
     * Exceptions are logged and ignored.
     *
     * @param term the new leader term
     */
    default void onLeaderStart(long term) {}

    /** Called when this node stops being leader. Exceptions are logged and ignored. */
    default void onLeaderStop() {}

    /**
     * Called once when this replica can no longer apply entries (an {@link Error} from {@link #apply},
     * a failed {@link #loadSnapshot}, a log storage failure). The node stays up but applies nothing
     * more; the process should alert and the replica be restarted or replaced. Exceptions are logged
     * and ignored.
     *
     * @param error what went wrong
     */
    default void onFatalError(Throwable error) {}
}
