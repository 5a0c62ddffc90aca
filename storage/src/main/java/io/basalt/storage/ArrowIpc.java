package io.basalt.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.TransferPair;

/** One record batch as Arrow IPC stream bytes: how write-buffer batches sit in RocksDB. */
final class ArrowIpc {

  private ArrowIpc() {
  }

  static byte[] encode(VectorSchemaRoot root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new StorageException("cannot encode Arrow batch", e);
    }
    return out.toByteArray();
  }

  /** Decodes one batch into vectors owned by {@code allocator}; the caller closes the root. */
  static VectorSchemaRoot decode(byte[] bytes, BufferAllocator allocator) {
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
      if (!reader.loadNextBatch()) {
        throw new StorageException("empty Arrow IPC stream");
      }
      VectorSchemaRoot loaded = reader.getVectorSchemaRoot();
      List<FieldVector> owned = new ArrayList<>(loaded.getFieldVectors().size());
      for (FieldVector v : loaded.getFieldVectors()) {
        TransferPair tp = v.getTransferPair(allocator);
        tp.transfer();
        owned.add((FieldVector) tp.getTo());
      }
      return new VectorSchemaRoot(loaded.getSchema().getFields(), owned, loaded.getRowCount());
    } catch (IOException e) {
      throw new StorageException("corrupt Arrow IPC batch", e);
    }
  }
}
