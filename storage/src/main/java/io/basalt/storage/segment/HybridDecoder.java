package io.basalt.storage.segment;

import java.io.IOException;

/**
 * Decodes Parquet's RLE/bit-packing hybrid encoding (definition levels, dictionary ids) from a byte
 * array, a run at a time: an RLE run hands out one repeated value, a bit-packed run is unpacked
 * whole into a buffer.
 */
final class HybridDecoder {

  private int bitWidth;
  private int valueBytes;
  private long mask;
  private byte[] buf;
  private int pos;
  private int end;
  private int left;
  private boolean rle;
  private int rleValue;
  private int[] packed = new int[512];
  private int packedNext;

  HybridDecoder(int bitWidth) {
    width(bitWidth);
  }

  private void width(int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalArgumentException("bit width " + bitWidth);
    }
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.mask = (1L << bitWidth) - 1;
  }

  /** Starts decoding {@code buf[from, to)}. */
  void reset(byte[] buf, int from, int to) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
    this.left = 0;
  }

  /** Starts decoding {@code buf[from, to)} with another bit width (a new page's dictionary ids). */
  void reset(byte[] buf, int from, int to, int bitWidth) {
    width(bitWidth);
    reset(buf, from, to);
  }

  /** The next value. */
  int next() throws IOException {
    if (left == 0) {
      readRun();
    }
    left--;
    return rle ? rleValue : packed[packedNext++];
  }

  /**
   * Counts how many of the next {@code n} values equal {@code value} and consumes them; for
   * definition levels, where long runs are the rule.
   */
  int countEqual(int n, int value, boolean[] out, int outFrom) throws IOException {
    int count = 0;
    int i = 0;
    while (i < n) {
      if (left == 0) {
        readRun();
      }
      int take = Math.min(left, n - i);
      if (rle) {
        boolean eq = rleValue == value;
        java.util.Arrays.fill(out, outFrom + i, outFrom + i + take, eq);
        if (eq) {
          count += take;
        }
      } else {
        for (int k = 0; k < take; k++) {
          boolean eq = packed[packedNext++] == value;
          out[outFrom + i + k] = eq;
          if (eq) {
            count++;
          }
        }
      }
      left -= take;
      i += take;
    }
    return count;
  }

  private void readRun() throws IOException {
    if (pos >= end) {
      throw new IOException("RLE/bit-packed data ended early");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      rle = true;
      left = header >>> 1;
      int v = 0;
      for (int i = 0; i < valueBytes; i++) {
        v |= (buf[pos++] & 0xFF) << (8 * i);
      }
      rleValue = v;
    } else {
      rle = false;
      int values = (header >>> 1) * 8;
      int bytes = (header >>> 1) * bitWidth;
      if (pos + bytes > end) {
        // a final run may be cut short to the bytes that hold the values actually written
        bytes = end - pos;
      }
      if (packed.length < values) {
        packed = new int[values];
      }
      unpack(pos, pos + bytes, values);
      pos += bytes;
      packedNext = 0;
      left = values;
    }
    if (left == 0) {
      readRun();
    }
  }

  private void unpack(int from, int to, int values) {
    if (bitWidth == 0) {
      java.util.Arrays.fill(packed, 0, values, 0);
      return;
    }
    long bit = (long) from * 8;
    for (int k = 0; k < values; k++, bit += bitWidth) {
      int b = (int) (bit >>> 3);
      int shift = (int) (bit & 7);
      long word = 0;
      int need = (shift + bitWidth + 7) >>> 3;
      for (int j = 0; j < need && b + j < to; j++) {
        word |= (buf[b + j] & 0xFFL) << (8 * j);
      }
      packed[k] = (int) ((word >>> shift) & mask);
    }
  }

  private int readUnsignedVarInt() throws IOException {
    int value = 0;
    int shift = 0;
    while (true) {
      if (pos >= end) {
        throw new IOException("RLE/bit-packed run header ended early");
      }
      int b = buf[pos++] & 0xFF;
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
      if (shift > 28) {
        throw new IOException("RLE/bit-packed run header too long");
      }
    }
  }
}
