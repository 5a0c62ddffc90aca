package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Engine lifecycle and leak checking shared by the storage tests. */
abstract class StorageTestSupport {

  static final ArrowType INT64 = new ArrowType.Int(64, true);

  @TempDir
  Path tmp;

  BufferAllocator root;
  StorageEngine engine;

  @BeforeEach
  void openAllocator() {
    root = new RootAllocator();
  }

  @AfterEach
  void closeAndCheckLeaks() {
    SegmentRewriter.beforeCommit = null;
    if (engine != null) {
      engine.close();
      engine = null;
    }
    assertThat(root.getAllocatedMemory()).as("Arrow memory leaked").isZero();
    root.close();
  }

  /** Options for deterministic tests: no background work. */
  static StorageOptions manual() {
    return StorageOptions.defaults().toBuilder().backgroundMaintenance(false).build();
  }

  StorageEngine open(StorageOptions options) {
    engine = StorageEngine.open(tmp.resolve("data"), root, options);
    return engine;
  }

  void reopen(StorageOptions options) {
    engine.close();
    engine = StorageEngine.open(tmp.resolve("data"), root, options);
  }

  /** Layout (id BIGINT NOT NULL, name VARCHAR NULL). */
  static TableLayout idNameLayout(long tableId) {
    return new TableLayout(tableId, List.of(
        new ColumnSpec(1, "id", INT64, false),
        new ColumnSpec(2, "name", ArrowType.Utf8.INSTANCE, true)));
  }

  /** Appends rows id = from..to-1, name = "n" + id (null when id % 10 == 9). */
  long appendIds(TableStore t, long from, long to) {
    Schema schema = new Schema(List.of(t.layout().column(1).toField(), t.layout().column(2).toField()));
    try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, root)) {
      BigIntVector id = (BigIntVector) batch.getVector(0);
      VarCharVector name = (VarCharVector) batch.getVector(1);
      int n = (int) (to - from);
      id.allocateNew(n);
      name.allocateNew(n);
      for (int i = 0; i < n; i++) {
        long v = from + i;
        id.set(i, v);
        if (v % 10 == 9) {
          name.setNull(i);
        } else {
          name.setSafe(i, ("n" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      batch.setRowCount(n);
      return t.append(batch);
    }
  }

  /** The ids of every live row, in scan order. */
  static List<Long> ids(TableStore t) {
    List<Long> out = new ArrayList<>();
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(1)))) {
      while (s.next()) {
        BigIntVector id = (BigIntVector) s.batch().getVector(0);
        for (int i = 0; i < s.batch().getRowCount(); i++) {
          out.add(id.get(i));
        }
      }
    }
    return out;
  }

  /** Every live row as a list of normalized values, in scan order. */
  static List<List<Object>> rows(TableStore t, List<Integer> columnIds) {
    List<List<Object>> out = new ArrayList<>();
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(columnIds))) {
      while (s.next()) {
        VectorSchemaRoot b = s.batch();
        for (int i = 0; i < b.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector f : b.getFieldVectors()) {
            row.add(TestValues.read(f, i));
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
