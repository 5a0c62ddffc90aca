package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropTableTest extends StorageTestSupport {

  @Test
  void dropRemovesRecordsAtOnceAndFilesWhenReadersAreDone() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 100);
    t.flush();
    appendIds(t, 100, 150);
    Path file = t.segmentFiles().get(0);
    TableVersion held = t.current();
    Scanner scanner = held.scan(ScanRequest.of(List.of(1)));
    held.close(); // the scanner keeps its own hold

    assertThat(engine.dropTable(1)).isTrue();
    assertThat(engine.dropTable(1)).isFalse();
    assertThat(engine.table(1)).isNull();
    assertThatThrownBy(() -> appendIds(t, 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThat(file).exists();

    long n = 0;
    while (scanner.next()) {
      n += scanner.batch().getRowCount();
    }
    scanner.close();
    assertThat(n).isEqualTo(150);
    assertThat(file).doesNotExist();

    reopen(manual());
    assertThat(engine.tables()).isEmpty();
    // The id can be used again.
    TableStore again = engine.createTable(idNameLayout(1));
    assertThat(ids(again)).isEmpty();
    assertThatThrownBy(() -> engine.createTable(idNameLayout(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
