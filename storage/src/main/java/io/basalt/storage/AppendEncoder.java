package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Turns a caller's batch into write-buffer batches: checks it against the layout, cuts it into
 * pieces of at most {@code bufferBatchRows}, renames columns to their storage names, fills absent
 * nullable columns with nulls, and encodes each piece as Arrow IPC (what RocksDB keeps) and
 * decodes it back into storage-owned vectors (what scans read) — so memory and disk hold exactly
 * the same rows.
 */
final class AppendEncoder {

  /** One encoded piece: the IPC bytes for RocksDB and the decoded batch for memory. */
  record Piece(byte[] bytes, BufferedBatch batch) {
  }

  /** Supplies source ids for new pieces. */
  interface IdSource {
    long next();
  }

  private AppendEncoder() {
  }

  /** Checks {@code rows} against {@code layout}; throws IllegalArgumentException on mismatch. */
  static Map<String, FieldVector> validate(VectorSchemaRoot rows, TableLayout layout) {
    Map<String, FieldVector> byName = new HashMap<>();
    for (FieldVector v : rows.getFieldVectors()) {
      ColumnSpec c = layout.column(v.getName());
      if (c == null) {
        throw new IllegalArgumentException("table " + layout.tableId() + " has no column " + v.getName());
      }
      if (!c.type().equals(v.getField().getType())) {
        throw new IllegalArgumentException("column " + c.name() + " is " + c.type() + ", batch has "
            + v.getField().getType());
      }
      if (byName.put(c.name(), v) != null) {
        throw new IllegalArgumentException("column " + c.name() + " appears twice in the batch");
      }
      if (v.getValueCount() < rows.getRowCount()) {
        throw new IllegalArgumentException("column " + c.name() + " has fewer values than the batch has rows");
      }
      if (!c.nullable() && v.getNullCount() > 0) {
        throw new IllegalArgumentException("column " + c.name() + " is NOT NULL but the batch has nulls");
      }
    }
    for (ColumnSpec c : layout.columns()) {
      if (!c.nullable() && !byName.containsKey(c.name())) {
        throw new IllegalArgumentException("NOT NULL column " + c.name() + " is missing from the batch");
      }
    }
    return byName;
  }

  /**
   * Encodes {@code rows}. On failure, pieces already decoded are freed before the exception
   * propagates.
   */
  static List<Piece> encode(VectorSchemaRoot rows, TableLayout layout, int maxRows, BufferAllocator allocator,
                            IdSource ids) {
    Map<String, FieldVector> byName = validate(rows, layout);
    int rowCount = rows.getRowCount();
    List<Piece> pieces = new ArrayList<>();
    try {
      for (int start = 0; start < rowCount; start += maxRows) {
        int len = Math.min(maxRows, rowCount - start);
        byte[] bytes = encodePiece(byName, layout, start, len, rowCount, allocator);
        VectorSchemaRoot decoded = ArrowIpc.decode(bytes, allocator);
        pieces.add(new Piece(bytes, new BufferedBatch(ids.next(), decoded, bytes.length)));
      }
      return pieces;
    } catch (RuntimeException e) {
      pieces.forEach(p -> p.batch().discard());
      throw e;
    }
  }

  private static byte[] encodePiece(Map<String, FieldVector> byName, TableLayout layout, int start, int len,
                                    int rowCount, BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    List<FieldVector> temporary = new ArrayList<>();
    try {
      for (ColumnSpec c : layout.columns()) {
        Field field = new Field(c.storageName(), FieldType.nullable(c.type()), null);
        fields.add(field);
        FieldVector src = byName.get(c.name());
        if (src == null) {
          FieldVector nulls = field.createVector(allocator);
          temporary.add(nulls);
          nulls.setInitialCapacity(len);
          nulls.allocateNew();
          nulls.setValueCount(len);
          vectors.add(nulls);
        } else if (start == 0 && len == rowCount && src.getValueCount() == rowCount) {
          vectors.add(src);
        } else {
          TransferPair tp = src.getTransferPair(src.getAllocator());
          tp.splitAndTransfer(start, len);
          FieldVector slice = (FieldVector) tp.getTo();
          temporary.add(slice);
          vectors.add(slice);
        }
      }
      // This root only borrows the vectors: it is not closed, the temporaries are.
      return ArrowIpc.encode(new VectorSchemaRoot(fields, vectors, len));
    } finally {
      temporary.forEach(FieldVector::close);
    }
  }
}
