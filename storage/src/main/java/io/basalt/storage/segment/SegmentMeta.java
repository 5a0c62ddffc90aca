package io.basalt.storage.segment;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.column.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What storage keeps in RocksDB about one immutable segment file, so scans can prune it without
 * opening the file.
 *
 * @param segmentId the segment's source id, unique within its table
 * @param fileName the file's name inside the table's segment directory
 * @param rowCount physical rows in the file
 * @param fileBytes the file's size
 * @param columns the columns stored in the file (by id; names are the storage names)
 * @param rowGroups per row group: row count and column statistics
 */
public record SegmentMeta(long segmentId, String fileName, long rowCount, long fileBytes,
                          List<ColumnSpec> columns, List<RowGroupMeta> rowGroups) {

  private static final int FORMAT_VERSION = 1;

  public SegmentMeta {
    requireNonNull(fileName, "fileName");
    columns = List.copyOf(columns);
    rowGroups = List.copyOf(rowGroups);
  }

  /** Index of the column with this id in {@link #columns()}, or -1. */
  public int columnIndex(int columnId) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id() == columnId) {
        return i;
      }
    }
    return -1;
  }

  /** Statistics of a column over the whole file; all-null statistics when the file lacks it. */
  public ColumnStats stats(int columnId) {
    int idx = columnIndex(columnId);
    if (idx < 0) {
      return ColumnStats.allNulls(rowCount);
    }
    ColumnStats merged = null;
    for (RowGroupMeta rg : rowGroups) {
      ColumnStats s = rg.columnStats().get(idx);
      merged = merged == null ? s : merged.merge(columns.get(idx).kind(), s);
    }
    return merged == null ? ColumnStats.allNulls(0) : merged;
  }

  /** Statistics of every column of the file over the whole file, by column id. */
  public Map<Integer, ColumnStats> stats() {
    Map<Integer, ColumnStats> out = new HashMap<>();
    for (ColumnSpec c : columns) {
      out.put(c.id(), stats(c.id()));
    }
    return out;
  }

  /** Encodes this record for RocksDB. */
  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_VERSION);
      out.writeLong(segmentId);
      out.writeUTF(fileName);
      out.writeLong(rowCount);
      out.writeLong(fileBytes);
      ValueCodec.writeColumns(columns, out);
      out.writeInt(rowGroups.size());
      for (RowGroupMeta rg : rowGroups) {
        out.writeLong(rg.rowCount());
        for (int i = 0; i < columns.size(); i++) {
          ValueCodec.writeStats(columns.get(i).kind(), rg.columnStats().get(i), out);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a record written by {@link #encode()}. */
  public static SegmentMeta decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      int version = in.readUnsignedByte();
      if (version != FORMAT_VERSION) {
        throw new IOException("unknown segment metadata version " + version);
      }
      long segmentId = in.readLong();
      String fileName = in.readUTF();
      long rowCount = in.readLong();
      long fileBytes = in.readLong();
      List<ColumnSpec> columns = ValueCodec.readColumns(in);
      int groups = in.readInt();
      List<RowGroupMeta> rowGroups = new ArrayList<>(groups);
      for (int g = 0; g < groups; g++) {
        long rows = in.readLong();
        List<ColumnStats> stats = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
          stats.add(ValueCodec.readStats(c.kind(), in));
        }
        rowGroups.add(new RowGroupMeta(rows, stats));
      }
      return new SegmentMeta(segmentId, fileName, rowCount, fileBytes, columns, rowGroups);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
