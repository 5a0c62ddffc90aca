package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.JdbcUrls;
import io.basalt.tests.harness.MariaDbProcess;
import io.basalt.tests.harness.RepoLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the sqllogictest corpus against a server and holds every file to its floor in
 * {@code slt/floors.properties}. Prints a per-file table and writes it to {@code target/slt-report.md}.
 *
 * <p>The server is a fresh Basalt process, unless
 * <ul>
 *   <li>{@code -Dbasalt.slt.jdbcUrl=jdbc:mariadb://127.0.0.1:3306/?user=root}: any running MySQL-protocol server;</li>
 *   <li>{@code -Dbasalt.slt.server=mariadb}: a throwaway MariaDB, the reference the runner is validated against.</li>
 * </ul>
 * {@code -Dbasalt.slt.files=evidence/*.test,select1.test} narrows the files; {@code -Dbasalt.slt.dir} moves the
 * corpus; {@code -Dbasalt.slt.queryTimeoutSeconds} (30) bounds each record, {@code -Dbasalt.slt.fileBudgetMinutes}
 * (10) each file and {@code -Dbasalt.slt.totalBudgetMinutes} (40) the whole corpus: records left when a budget
 * runs out count as failed.
 */
class SqlLogicTest {

    private static final Duration FILE_BUDGET = Duration.ofMinutes(Long.getLong("basalt.slt.fileBudgetMinutes", 10));
    private static final Duration TOTAL_BUDGET = Duration.ofMinutes(Long.getLong("basalt.slt.totalBudgetMinutes", 40));
    private static final long SUITE_START = System.nanoTime();
    private static final List<FileResult> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static AutoCloseable server;
    private static BasaltProcess basalt;
    private static String description;
    private static SltRunner runner;

    @BeforeAll
    static void startServer() {
        String url = System.getProperty("basalt.slt.jdbcUrl", "").trim();
        String kind = System.getProperty("basalt.slt.server", "basalt").trim().toLowerCase(Locale.ROOT);
        String baseUrl;
        description = "no server (it did not start)";
        if (!url.isEmpty()) {
            baseUrl = url;
            description = "the server at " + url;
        } else if (kind.equals("mariadb")) {
            MariaDbProcess mariadb = MariaDbProcess.start();
            server = mariadb;
            baseUrl = mariadb.jdbcUrl(null);
            description = "a MariaDB child process (" + baseUrl + ", log " + mariadb.logFile() + ")";
        } else {
            basalt = BasaltProcess.start("SqlLogicTest");
            server = basalt;
            baseUrl = basalt.jdbcUrl(null);
            description = "a Basalt child process (" + basalt + ")";
        }
        Duration timeout = Duration.ofSeconds(Long.getLong("basalt.slt.queryTimeoutSeconds", 30));
        runner = new SltRunner(db -> DriverManager.getConnection(JdbcUrls.withDatabase(baseUrl, db)), timeout,
                Integer.getInteger("basalt.slt.keepFailures", 5));
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Path root = RepoLayout.sltDir();
        List<String> files = SltCorpus.list(root, System.getProperty("basalt.slt.files"));
        assertThat(files).as("sqllogictest files under %s matching -Dbasalt.slt.files", root).isNotEmpty();
        Floors floors = Floors.load();
        System.out.println("sqllogictest: " + files.size() + " files from " + root + " against " + description);
        return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            restartBasaltIfItDied();
            Duration left = TOTAL_BUDGET.minus(Duration.ofNanos(System.nanoTime() - SUITE_START));
            Duration budget = left.compareTo(FILE_BUDGET) < 0 ? (left.isNegative() ? Duration.ZERO : left) : FILE_BUDGET;
            FileResult r = runner.run(file, root.resolve(file), budget);
            RESULTS.add(r);
            System.out.printf(Locale.ROOT, "sqllogictest %-45s %6d run %6d passed %6d failed %6d skipped %7s%% %6.1f s%n",
                    file, r.run(), r.passed(), r.failed(), r.skipped(), SltReport.percent(r.passPercent()),
                    r.elapsed().toMillis() / 1000.0);
            double floor = floors.floor(file);
            assertThat(r.passPercent())
                    .as("%s passes %s%% of %d records, below its floor of %s%% in slt/floors.properties; first failures:%n%s",
                            file, SltReport.percent(r.passPercent()), r.run(), floor, SltReport.failures(List.of(r)))
                    .isGreaterThanOrEqualTo(floor);
        }));
    }

    /** A crash in one file should cost that file, not every file after it. */
    private static void restartBasaltIfItDied() {
        if (basalt != null && !basalt.isAlive()) {
            System.out.println("sqllogictest: Basalt (pid " + basalt.pid() + ") died; restarting it. Log tail:\n"
                    + basalt.logTail(30));
            basalt.start();
        }
    }

    @AfterAll
    static void report() throws Exception {
        try {
            List<FileResult> results = new ArrayList<>(RESULTS);
            String report = "# sqllogictest against " + description + "\n\n" + SltReport.table(results)
                    + "\n## First failures\n" + SltReport.failures(results);
            Path out = RepoLayout.testsTarget().resolve("slt-report.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println("\n" + SltReport.table(results));
            System.out.println("sqllogictest report with first failures: " + out);
        } finally {
            if (runner != null) {
                runner.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }
}
