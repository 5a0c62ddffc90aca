package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.CommandRunner;
import io.basalt.tests.harness.MysqlCli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sysbench (the Debian package, libmysqlclient underneath) runs its read-only OLTP workloads
 * against Basalt with zero errors: prepare, run and cleanup, with server-side prepared statements
 * (its default) and with {@code --db-ps-mode=disable}. Throughput is reported, not asserted: the
 * figures for the notes come from the same command lines run as a bench.
 */
@ExtendWith(BasaltServerExtension.class)
class SysbenchTest {

    private static final Pattern TRANSACTIONS = Pattern.compile("transactions:\\s+(\\d+)\\s+\\(([0-9.]+) per sec");
    private static final Pattern IGNORED = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern P95 = Pattern.compile("95th percentile:\\s+([0-9.]+)");

    @Test
    void readOnlyWorkloadsRunWithoutErrorsInBothStatementModes(BasaltProcess basalt) {
        CommandResult db = new MysqlCli(basalt.mysqlPort()).execute("CREATE DATABASE sbtest");
        assertThat(db.succeeded()).as(db.describe()).isTrue();

        sysbench(basalt, "oltp_read_only", "prepare", List.of());
        for (String mode : List.of("auto", "disable")) {
            for (String workload : List.of("oltp_point_select", "oltp_read_only")) {
                CommandResult r = sysbench(basalt, workload, "run", List.of("--db-ps-mode=" + mode, "--time=8",
                        "--threads=2", "--report-interval=0"));
                Matcher tx = TRANSACTIONS.matcher(r.stdout());
                Matcher ignored = IGNORED.matcher(r.stdout());
                Matcher p95 = P95.matcher(r.stdout());
                assertThat(tx.find()).as(r.describe()).isTrue();
                assertThat(ignored.find()).as(r.describe()).isTrue();
                assertThat(Long.parseLong(tx.group(1))).as(r.describe()).isPositive();
                assertThat(ignored.group(1)).as(r.describe()).isEqualTo("0");
                System.out.printf("sysbench %s ps-mode=%s: %s tps, p95 %s ms%n", workload, mode, tx.group(2),
                        p95.find() ? p95.group(1) : "?");
            }
        }
        sysbench(basalt, "oltp_read_only", "cleanup", List.of());
        CommandResult tables = new MysqlCli(basalt.mysqlPort()).execute("sbtest", "SHOW TABLES");
        assertThat(tables.stdout().strip()).as(tables.describe()).isEmpty();
    }

    private static CommandResult sysbench(BasaltProcess basalt, String workload, String command, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(System.getProperty("basalt.sysbench", "sysbench"),
                "--db-driver=mysql", "--mysql-host=127.0.0.1", "--mysql-port=" + basalt.mysqlPort(),
                "--mysql-user=root", "--mysql-password=", "--mysql-db=sbtest", "--tables=2", "--table-size=10000"));
        args.addAll(extra);
        args.add(workload);
        args.add(command);
        CommandResult r = CommandRunner.run(args, null, Duration.ofSeconds(180));
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout() + r.stderr()).as(r.describe()).doesNotContain("FATAL", "error:");
        return r;
    }
}
