package io.basalt.storage;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine's key indexes ({@link KeyIndex}) under one memory budget. Each index lives on its
 * source ({@link Slots} on a segment or buffered batch), is built on the first keyed lookup that
 * needs it and dropped with the source; this class accounts their heap bytes and, past
 * {@link StorageOptions#keyIndexCacheBytes()}, unloads the least recently used, which the next
 * lookup of that source rebuilds. Thread-safe: one thread builds a missing index while the others
 * wanting it wait; using a built index takes no lock.
 */
final class KeyIndexCache {

  /** Builds an index, reading its source. */
  interface Build {
    KeyIndex build() throws IOException;
  }

  private final long budgetBytes;
  private final Set<Slot> resident = ConcurrentHashMap.newKeySet();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong builds = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();

  KeyIndexCache(long budgetBytes) {
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException("key index budget must be > 0: " + budgetBytes);
    }
    this.budgetBytes = budgetBytes;
  }

  /**
   * The index of {@code slot}, built by {@code build} if it has none. An index larger than the
   * whole budget is returned without being kept.
   */
  KeyIndex get(Slot slot, Build build) throws IOException {
    KeyIndex index = slot.index;
    if (index != null) {
      slot.lastUsed = clock.incrementAndGet();
      return index;
    }
    boolean installed = false;
    synchronized (slot) {
      index = slot.index;
      if (index == null) {
        index = build.build();
        builds.incrementAndGet();
        if (!slot.dropped && index.bytes() <= budgetBytes) {
          slot.install(this, index);
          installed = true;
        }
      }
      slot.lastUsed = clock.incrementAndGet();
    }
    if (installed) {
      evictOverBudget(slot);
    }
    return index;
  }

  private void evictOverBudget(Slot keep) {
    while (bytes.get() > budgetBytes) {
      Slot victim = null;
      for (Slot s : resident) {
        if (s != keep && (victim == null || s.lastUsed < victim.lastUsed)) {
          victim = s;
        }
      }
      if (victim == null) {
        return;
      }
      if (victim.unload()) {
        evictions.incrementAndGet();
      }
    }
  }

  /** What the cache holds now and has done so far. */
  KeyIndexStats stats() {
    return new KeyIndexStats(bytes.get(), resident.size(), builds.get(), evictions.get(), budgetBytes);
  }

  /** The place of one column's index on one source. */
  static final class Slot {
    private volatile KeyIndex index;
    private volatile long lastUsed;
    private KeyIndexCache cache;
    private long bytes;
    private boolean dropped;

    private Slot(boolean dropped) {
      this.dropped = dropped;
    }

    private synchronized void install(KeyIndexCache owner, KeyIndex built) {
      cache = owner;
      bytes = built.bytes();
      index = built;
      owner.bytes.addAndGet(bytes);
      owner.resident.add(this);
    }

    /** Forgets the index, if any; true if there was one. */
    private synchronized boolean unload() {
      if (index == null) {
        return false;
      }
      index = null;
      cache.resident.remove(this);
      cache.bytes.addAndGet(-bytes);
      return true;
    }

    private synchronized void drop() {
      dropped = true;
      unload();
    }
  }

  /** The index slots of one immutable source, by column id; dropped when the source is freed. */
  static final class Slots {
    private final Map<Integer, Slot> byColumn = new ConcurrentHashMap<>(4);
    private volatile boolean dropped;

    Slot slot(int columnId) {
      return byColumn.computeIfAbsent(columnId, id -> new Slot(dropped));
    }

    /** Releases every index of the source: it left every table state. */
    void drop() {
      dropped = true;
      byColumn.values().forEach(Slot::drop);
    }
  }
}
