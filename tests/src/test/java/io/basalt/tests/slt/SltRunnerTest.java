package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SltRunnerTest {

    private static FileResult run(FakeServer server, String script) {
        try (SltRunner runner = new SltRunner(server, Duration.ofSeconds(5), 10)) {
            return runner.run("dir/my.test", SltParser.parse("my.test", script));
        }
    }

    @Test
    void runsEachFileInItsOwnDatabaseAndCountsOutcomes() {
        FakeServer server = new FakeServer()
                .rows("CREATE TABLE t1(a INTEGER)", 0)
                .rows("SELECT a FROM t1", 1, "2", "10.0000", null)
                .error("SELECT nope", "no such column");
        String script = """
                statement ok
                CREATE TABLE t1(a INTEGER)

                query I rowsort
                SELECT a FROM t1
                ----
                10
                2
                NULL

                statement error
                SELECT nope

                statement ok
                SELECT nope

                skipif mysql
                query I nosort
                SELECT a FROM t1
                ----
                999
                """;
        FileResult r = run(server, script);

        assertThat(r.file()).isEqualTo("dir/my.test");
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.passed()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.run()).isEqualTo(4);
        assertThat(r.passPercent()).isEqualTo(75.0);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(14);
            assertThat(f.sql()).isEqualTo("SELECT nope");
            assertThat(f.expected()).isEqualTo("ok");
            assertThat(f.error()).contains("no such column").contains("42000");
        });
        assertThat(server.log).containsSubsequence(
                "DROP DATABASE IF EXISTS slt_dir_my_test", "CREATE DATABASE slt_dir_my_test",
                "connect slt_dir_my_test", "CREATE TABLE t1(a INTEGER)", "DROP DATABASE IF EXISTS slt_dir_my_test");
        assertThat(server.log).doesNotContain("999");
    }

    @Test
    void reportsWrongValuesWithExpectedAndActual() {
        FakeServer server = new FakeServer().rows("SELECT 1, 'a'", 2, "1", "");
        FileResult r = run(server, "query IT nosort\nSELECT 1, 'a'\n----\n1\na\n");

        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures().get(0).expected()).isEqualTo("1\na");
        assertThat(r.failures().get(0).actual()).isEqualTo("1\n(empty)");
        assertThat(r.failures().get(0).error()).isNull();
    }

    @Test
    void columnCountMustMatchTheTypeString() {
        FakeServer server = new FakeServer().rows("SELECT 1, 2", 2, "1", "2");
        FileResult r = run(server, "query I nosort\nSELECT 1, 2\n----\n1\n2\n");

        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures().get(0).error()).contains("2 columns").contains("'I'");
    }

    @Test
    void hashThresholdAndLabelsAreHonoured() {
        FakeServer server = new FakeServer()
                .rows("SELECT x", 1, "1", "2", "3")
                .rows("SELECT y", 1, "3", "2", "1")
                .rows("SELECT z", 1, "1", "2", "4");
        String script = """
                hash-threshold 2

                query I nosort
                SELECT x
                ----
                1
                2
                3

                query I rowsort label-a
                SELECT x
                ----
                3 values hashing to 6d4f1d0b0b7d3d0e2e4d2f4c7b5b0a7e

                query I rowsort label-a
                SELECT y
                ----
                3 values hashing to 6d4f1d0b0b7d3d0e2e4d2f4c7b5b0a7e

                query I valuesort label-a
                SELECT z
                ----
                1
                2
                4
                """;
        FileResult r = run(server, script);

        // 1: three values above the threshold of 2 cannot match a value list
        // 2, 3: the hash in the script is wrong, so both fail on the hash
        // 4: above the threshold again
        assertThat(r.failed()).isEqualTo(4);
        assertThat(r.failures().get(0).actual()).isEqualTo(ResultCheck.hashLine(java.util.List.of("1", "2", "3")));

        String right = ResultCheck.hashLine(java.util.List.of("1", "2", "3"));
        String script2 = "query I rowsort label-a\nSELECT x\n----\n" + right + "\n\n"
                + "query I rowsort label-a\nSELECT y\n----\n" + right + "\n\n"
                + "query I nosort label-b\nSELECT y\n----\n1 values hashing to 00000000000000000000000000000000\n\n"
                + "query I rowsort label-a\nSELECT z\n----\n" + ResultCheck.hashLine(java.util.List.of("1", "2", "4")) + "\n";
        FileResult r2 = run(server, script2);

        assertThat(r2.passed()).isEqualTo(2);
        assertThat(r2.failed()).isEqualTo(2);
        // the last one matches its own expected hash but differs from label-a's earlier result
        assertThat(r2.failures().get(1).expected()).contains("label-a");
    }

    @Test
    void haltStopsTheFileOnlyWhenItsGuardsAllowIt() {
        FakeServer server = new FakeServer().rows("SELECT 1", 1, "1");
        String script = """
                onlyif sqlite
                halt

                query I nosort
                SELECT 1
                ----
                1

                skipif sqlite
                halt

                query I nosort
                SELECT 1
                ----
                1
                """;
        FileResult r = run(server, script);

        assertThat(r.records()).isEqualTo(1);
        assertThat(r.passed()).isEqualTo(1);
    }

    @Test
    void lostServerFailsTheRestOfTheFileWithOneReportedReason() {
        FakeServer server = new FakeServer().rows("SELECT 1", 1, "1").crashOn("SELECT crash");
        String script = """
                query I nosort
                SELECT 1
                ----
                1

                statement ok
                SELECT crash

                query I nosort
                SELECT 1
                ----
                1

                skipif mysql
                statement ok
                SELECT 2

                statement ok
                SELECT 3
                """;
        FileResult r = run(server, script);

        assertThat(r.records()).isEqualTo(5);
        assertThat(r.passed()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.failures()).hasSize(2);
        assertThat(r.failures().get(0).error()).contains("Connection reset");
        assertThat(r.failures().get(1).error()).contains("cannot connect").contains("Connection refused");
        assertThat(r.failures().get(1).line()).isEqualTo(9);
    }

    @Test
    void recordsLeftWhenTheBudgetRunsOutCountAsFailed() {
        FakeServer server = new FakeServer().rows("SELECT 1", 1, "1");
        String script = "query I nosort\nSELECT 1\n----\n1\n\nskipif mysql\nstatement ok\nSELECT 2\n\nstatement ok\nSELECT 1\n";
        FileResult r;
        try (SltRunner runner = new SltRunner(server, Duration.ofSeconds(5), 10)) {
            r = runner.run("budget.test", SltParser.parse("budget.test", script), Duration.ZERO);
        }

        assertThat(r.records()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.failures().get(0).error()).contains("time budget");
        assertThat(server.log).doesNotContain("SELECT 1");
    }

    @Test
    void databaseNamesAreIdentifiers() {
        assertThat(SltRunner.databaseName("index/between/1000/slt_good_0.test"))
                .isEqualTo("slt_index_between_1000_slt_good_0_test");
        assertThat(SltRunner.databaseName("x".repeat(100))).hasSize(64);
    }
}
