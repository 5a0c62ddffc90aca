package io.basalt.server.dml;

/** AUTO_INCREMENT counters per table, owned by the state machine. */
public interface AutoIncrements {
    /** The next value to hand out for the table (1 for a fresh table). */
    long next(long tableId);

    /** Records that values up to {@code used} are taken, so the counter moves past them. */
    void advance(long tableId, long used);
}
