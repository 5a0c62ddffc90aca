package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corpus selection, floors and the report table. */
class SltReportingTest {

    @TempDir
    Path corpus;

    @Test
    void corpusListsTestFilesByRelativePathAndFiltersByGlobs() throws IOException {
        for (String f : List.of("select1.test", "select2.test", "evidence/in1.test", "index/in/10/slt_good_5.test",
                "SOURCE.md")) {
            Path p = corpus.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "halt\n");
        }

        assertThat(SltCorpus.list(corpus, null))
                .containsExactly("evidence/in1.test", "index/in/10/slt_good_5.test", "select1.test", "select2.test");
        assertThat(SltCorpus.list(corpus, "select1.test, evidence/*.test"))
                .containsExactly("evidence/in1.test", "select1.test");
        assertThat(SltCorpus.list(corpus, "index/**")).containsExactly("index/in/10/slt_good_5.test");
        assertThat(SltCorpus.list(corpus, "nothing*.test")).isEmpty();
        assertThatThrownBy(() -> SltCorpus.list(corpus.resolve("missing"), null))
                .hasMessageContaining("basalt.slt.dir");
    }

    @Test
    void floorsDefaultToZeroAndTheCheckedInFileCoversTheCorpus() {
        Properties p = new Properties();
        p.setProperty("select1.test", "97.5");
        Floors floors = Floors.of(p);
        assertThat(floors.floor("select1.test")).isEqualTo(97.5);
        assertThat(floors.floor("unlisted.test")).isZero();

        Floors checkedIn = Floors.load();
        assertThat(checkedIn.floor("select1.test")).isBetween(0.0, 100.0);
        assertThat(checkedIn.floor("random/expr/slt_good_0.test")).isBetween(0.0, 100.0);
    }

    @Test
    void tableHasOneRowPerFileAndTotals() {
        List<FileResult> results = List.of(
                new FileResult("a.test", 10, 6, 2, 2, List.of(), Duration.ofMillis(1500)),
                new FileResult("b.test", 5, 0, 0, 5, List.of(), Duration.ofMillis(500)));

        String table = SltReport.table(results);

        assertThat(table.lines()).hasSize(5);
        assertThat(table).contains("| a.test | 10 | 8 | 6 | 2 | 2 | 75.00 | 1.5 s |")
                .contains("| b.test | 5 | 0 | 0 | 0 | 5 | 100.00 | 0.5 s |")
                .contains("| **total** | 15 | 8 | 6 | 2 | 7 | 75.00 | 2.0 s |");
        assertThat(SltReport.percent(99.999)).isEqualTo("99.99");
        assertThat(SltReport.percent(100.0)).isEqualTo("100.00");
    }

    @Test
    void failuresShowSqlExpectedActualAndError() {
        RecordFailure wrong = new RecordFailure(12, "SELECT 1", "2", "1", null);
        RecordFailure broken = new RecordFailure(20, "SELECT x", "ok", null, "SQLException [42S22/1054]: Unknown column");
        String text = SltReport.failures(List.of(
                new FileResult("a.test", 2, 0, 2, 0, List.of(wrong, broken), Duration.ZERO),
                new FileResult("b.test", 1, 1, 0, 0, List.of(), Duration.ZERO)));

        assertThat(text).contains("### a.test (2 failed, first 2)").contains("line 12:").contains("SELECT 1")
                .contains("expected:\n```\n2\n```").contains("actual:\n```\n1\n```")
                .contains("error: `SQLException [42S22/1054]: Unknown column`")
                .doesNotContain("b.test");
    }
}
