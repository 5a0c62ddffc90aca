package io.basalt.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.kv.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointRestoreTest extends StorageTestSupport {

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void restoreGivesTheCheckpointedStateExactly() throws Exception {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 1000);
    t.flush();
    appendIds(t, 1000, 1500); // stays in the write buffer
    MutationTest.deleteWhere(t, id -> id % 3 == 0); // deletes in a segment and in the buffer
    engine.kv().put(Family.META, b("catalog/db1"), b("v1"));
    List<List<Object>> atCheckpoint = rows(t, List.of(1, 2));
    TableStats statsAtCheckpoint = t.stats();

    Path cp = tmp.resolve("cp1");
    engine.checkpoint(cp);
    assertThat(cp.resolve("MANIFEST.basalt")).exists();
    // Segment files are hard links, not copies.
    Path linked = cp.resolve("segments/1").resolve(t.segmentFiles().get(0).getFileName());
    assertThat(Files.isSameFile(linked, t.segmentFiles().get(0))).isTrue();

    // Change everything after the checkpoint.
    appendIds(t, 2000, 2100);
    MutationTest.deleteWhere(t, id -> id < 500);
    t.flush();
    t.compact();
    engine.kv().put(Family.META, b("catalog/db1"), b("v2"));
    engine.kv().put(Family.META, b("catalog/db2"), b("new"));
    TableStore other = engine.createTable(idNameLayout(2));
    appendIds(other, 0, 10);
    TableVersion heldAcrossRestore = t.current();

    engine.restore(cp);

    assertThatThrownBy(t::stats).isInstanceOf(IllegalStateException.class);
    TableStore restored = engine.table(1);
    assertThat(rows(restored, List.of(1, 2))).isEqualTo(atCheckpoint);
    TableStats s = restored.stats();
    assertThat(s.liveRows()).isEqualTo(statsAtCheckpoint.liveRows());
    assertThat(s.deletedRows()).isEqualTo(statsAtCheckpoint.deletedRows());
    assertThat(s.segments()).isEqualTo(statsAtCheckpoint.segments());
    assertThat(s.bufferedRows()).isEqualTo(statsAtCheckpoint.bufferedRows());
    assertThat(engine.table(2)).isNull();
    assertThat(engine.kv().get(Family.META, b("catalog/db1"))).isEqualTo(b("v1"));
    assertThat(engine.kv().get(Family.META, b("catalog/db2"))).isNull();

    // A version held across the restore still reads its own data, then lets it go.
    try (heldAcrossRestore; Scanner sc = heldAcrossRestore.scan(ScanRequest.of(List.of(1)))) {
      long n = 0;
      while (sc.next()) {
        n += sc.batch().getRowCount();
      }
      long expected = java.util.stream.LongStream.range(500, 1500).filter(id -> id % 3 != 0).count() + 100;
      assertThat(n).isEqualTo(expected);
    }

    // Life goes on after a restore, and the restored state survives a reopen.
    appendIds(restored, 5000, 5010);
    restored.flush();
    List<List<Object>> afterMore = rows(restored, List.of(1, 2));
    assertThat(afterMore).hasSize(atCheckpoint.size() + 10);
    reopen(manual());
    assertThat(rows(engine.table(1), List.of(1, 2))).isEqualTo(afterMore);
    assertThat(engine.kv().get(Family.META, b("catalog/db1"))).isEqualTo(b("v1"));

    // The checkpoint itself is untouched and can be restored again.
    engine.restore(cp);
    assertThat(rows(engine.table(1), List.of(1, 2))).isEqualTo(atCheckpoint);
  }

  @Test
  void checkpointNeedsAnEmptyTargetAndRestoreAManifest() throws Exception {
    open(manual());
    Path used = tmp.resolve("used");
    Files.createDirectories(used);
    Files.writeString(used.resolve("x"), "x");
    assertThatThrownBy(() -> engine.checkpoint(used)).isInstanceOf(IllegalArgumentException.class);
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    assertThatThrownBy(() -> engine.restore(empty)).isInstanceOf(StorageException.class)
        .hasMessageContaining("MANIFEST");
  }
}
