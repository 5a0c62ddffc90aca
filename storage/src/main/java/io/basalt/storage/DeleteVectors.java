package io.basalt.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/** Delete vectors: their RocksDB encoding, and carrying deletes over to rewritten rows. */
final class DeleteVectors {

  private DeleteVectors() {
  }

  static byte[] encode(RoaringBitmap bitmap) {
    ByteBuffer buf = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
    bitmap.serialize(buf);
    return buf.array();
  }

  static RoaringBitmap decode(byte[] bytes) {
    RoaringBitmap b = new RoaringBitmap();
    try {
      b.deserialize(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new StorageException("corrupt delete vector", e);
    }
    return b;
  }

  /**
   * A rewrite copied the rows of a source that were live under {@code then} to positions
   * {@code base, base + 1, ...} of a new segment, in order. Adds to {@code out} the new positions
   * of rows deleted since ({@code now} minus {@code then}).
   */
  static void carryOver(RoaringBitmap then, RoaringBitmap now, long base, RoaringBitmap out) {
    if (now == null || now == then) {
      return;
    }
    RoaringBitmap added = then == null ? now : RoaringBitmap.andNot(now, then);
    added.forEach((int p) -> {
      // rank = deleted rows at or before p; p itself was live, so these are the ones before it.
      long rank = then == null ? 0 : then.rankLong(p);
      out.add((int) (base + p - rank));
    });
  }
}
