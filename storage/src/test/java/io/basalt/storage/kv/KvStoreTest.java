package io.basalt.storage.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvStoreTest {

  @TempDir
  Path tmp;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, UTF_8);
  }

  @Test
  void getPutDeleteAndPrefixScan() {
    try (KvStore kv = KvStore.open(tmp.resolve("db"), true)) {
      kv.put(Family.META, b("db/a"), b("1"));
      kv.put(Family.META, b("db/b"), b("2"));
      kv.put(Family.META, b("dc/x"), b("3"));
      kv.put(Family.TABLES, b("db/a"), b("other family"));
      assertThat(s(kv.get(Family.META, b("db/a")))).isEqualTo("1");
      assertThat(kv.scan(Family.META, b("db/"))).extracting(e -> s(e.key())).containsExactly("db/a", "db/b");
      kv.delete(Family.META, b("db/a"));
      assertThat(kv.get(Family.META, b("db/a"))).isNull();
      assertThat(s(kv.get(Family.TABLES, b("db/a")))).isEqualTo("other family");
    }
  }

  @Test
  void batchesApplyAtomicallyAndInOrder() {
    try (KvStore kv = KvStore.open(tmp.resolve("db"), true)) {
      kv.write(new KvBatch().put(Family.META, b("p/1"), b("a")).put(Family.META, b("p/2"), b("b"))
          .put(Family.META, b("q/1"), b("c")));
      kv.write(new KvBatch().deletePrefix(Family.META, b("p/")).put(Family.META, b("p/3"), b("d")));
      List<KeyValue> p = kv.scan(Family.META, b("p/"));
      assertThat(p).extracting(e -> s(e.key())).containsExactly("p/3");
      assertThat(s(kv.get(Family.META, b("q/1")))).isEqualTo("c");
    }
  }

  @Test
  void walLessWritesSurviveCloseAndCheckpointRestores() {
    Path dir = tmp.resolve("db");
    try (KvStore kv = KvStore.open(dir, true)) {
      kv.put(Family.META, b("k"), b("v1"));
      kv.checkpoint(tmp.resolve("cp"), () -> { });
      kv.put(Family.META, b("k"), b("v2"));
    }
    try (KvStore kv = KvStore.open(dir, true)) {
      assertThat(s(kv.get(Family.META, b("k")))).isEqualTo("v2");
      kv.replaceWith(tmp.resolve("cp"));
      assertThat(s(kv.get(Family.META, b("k")))).isEqualTo("v1");
      kv.put(Family.META, b("k"), b("v3"));
      assertThat(s(kv.get(Family.META, b("k")))).isEqualTo("v3");
    }
    try (KvStore cp = KvStore.open(tmp.resolve("cp"), true)) {
      assertThat(s(cp.get(Family.META, b("k")))).isEqualTo("v1");
    }
  }

  @Test
  void useAfterCloseFails() {
    KvStore kv = KvStore.open(tmp.resolve("db"), true);
    kv.close();
    kv.close();
    assertThatThrownBy(() -> kv.get(Family.META, b("k"))).isInstanceOf(IllegalStateException.class);
  }
}
