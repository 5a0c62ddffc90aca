package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.column.ColumnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class AlterLayoutTest extends StorageTestSupport {

  private static final ColumnSpec SCORE = new ColumnSpec(3, "score", new ArrowType.Int(32, true), true);

  private void appendWithScore(TableStore t, long from, long to) {
    Schema schema = new Schema(List.of(t.layout().column("id").toField(), t.layout().column("score").toField()));
    try (VectorSchemaRoot b = VectorSchemaRoot.create(schema, root)) {
      int n = (int) (to - from);
      for (int i = 0; i < n; i++) {
        ((BigIntVector) b.getVector(0)).setSafe(i, from + i);
        ((IntVector) b.getVector(1)).setSafe(i, (int) (from + i) * 2);
      }
      b.setRowCount(n);
      t.append(b);
    }
  }

  @Test
  void addColumnReadsNullInOldDataAndDropHidesIt() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 10);
    t.flush();
    appendIds(t, 10, 20);

    t.alterLayout(t.layout().withColumn(SCORE));
    appendWithScore(t, 20, 30);
    List<List<Object>> rows = rows(t, List.of(1, 3, 2));
    assertThat(rows).hasSize(30);
    for (List<Object> r : rows) {
      long id = (Long) r.get(0);
      assertThat(r.get(1)).isEqualTo(id < 20 ? null : id * 2);
      // Rows appended after the ADD COLUMN did not name the nullable "name" column: null.
      assertThat(r.get(2)).isEqualTo(id >= 20 || id % 10 == 9 ? null : "n" + id);
    }

    t.alterLayout(t.layout().withoutColumn(2));
    assertThat(t.layout().columns()).extracting(ColumnSpec::name).containsExactly("id", "score");
    try (TableVersion v = t.current()) {
      assertThatThrownBy(() -> v.scan(ScanRequest.of(List.of(2)))).isInstanceOf(IllegalArgumentException.class);
    }
    // Flush and compaction write only live columns; the dropped one is gone from the new file.
    t.flush();
    t.compact();
    assertThat(t.stats().segments()).isEqualTo(1);
    try (TableVersion v = t.current()) {
      assertThat(v.state().segments.get(0).meta.columns()).extracting(ColumnSpec::id).containsExactly(1, 3);
    }
    assertThat(rows(t, List.of(1, 3))).hasSize(30)
        .allSatisfy(r -> assertThat(r.get(1)).isEqualTo((Long) r.get(0) < 20 ? null : (Long) r.get(0) * 2));

    // Layout changes survive a reopen.
    reopen(manual());
    assertThat(engine.table(1).layout().columns()).extracting(ColumnSpec::name).containsExactly("id", "score");
  }

  @Test
  void renameKeepsDataBecauseFilesNameColumnsById() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 5);
    t.flush();
    List<ColumnSpec> cs = new ArrayList<>(t.layout().columns());
    cs.set(1, new ColumnSpec(2, "label", ArrowType.Utf8.INSTANCE, true));
    t.alterLayout(new TableLayout(1, cs));
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(2)))) {
      assertThat(s.next()).isTrue();
      assertThat(s.batch().getSchema().getFields().get(0).getName()).isEqualTo("label");
      assertThat(TestValues.read(s.batch().getVector(0), 0)).isEqualTo("n0");
    }
  }

  @Test
  void typeChangesAndReusedIdsAreRejected() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    TableLayout retyped = new TableLayout(1, Arrays.asList(new ColumnSpec(1, "id", INT64, false),
        new ColumnSpec(2, "name", ArrowType.Binary.INSTANCE, true)));
    assertThatThrownBy(() -> t.alterLayout(retyped)).isInstanceOf(IllegalArgumentException.class);
    t.alterLayout(t.layout().withoutColumn(2));
    TableLayout reused = t.layout().withColumn(new ColumnSpec(2, "name2", ArrowType.Utf8.INSTANCE, true));
    assertThatThrownBy(() -> t.alterLayout(reused)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("used before");
    assertThatThrownBy(() -> new ColumnSpec(9, "u", new ArrowType.Int(32, false), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
