package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.MysqlCli;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** INSERT ... ON DUPLICATE KEY UPDATE from Connector/J (prepared, batched) and the mysql CLI. */
@ExtendWith(BasaltServerExtension.class)
class OnDuplicateKeyUpdateTest {
    @Test
    void batchedPreparedUpsertsCountAsMysqlDoes(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS odku");
            s.execute("DROP TABLE IF EXISTS odku.counters");
            s.execute("CREATE TABLE odku.counters (k VARCHAR(10) PRIMARY KEY, n BIGINT NOT NULL)");
        }
        String upsert = "INSERT INTO counters (k, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
        for (String options : new String[] {"&useServerPrepStmts=true", "&rewriteBatchedStatements=true"}) {
            try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl("odku") + options);
                    PreparedStatement ps = c.prepareStatement(upsert)) {
                for (int i = 0; i < 6; i++) {
                    ps.setString(1, "k" + (i % 3));
                    ps.setLong(2, i);
                    ps.addBatch();
                }
                ps.executeBatch();
                ps.setString(1, "k0");
                ps.setLong(2, 100);
                assertThat(ps.executeUpdate()).as(options).isEqualTo(2);
            }
        }
        try (Connection c = basalt.connect("odku"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT k, n FROM counters ORDER BY k")) {
            // Each run adds 0+3, 1+4, 2+5 and then 100 to k0.
            long[] expected = {2 * (3 + 100), 2 * 5, 2 * 7};
            for (int i = 0; i < 3; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("k" + i);
                assertThat(rs.getLong(2)).isEqualTo(expected[i]);
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void mysqlCliReportsRecordsAndDuplicates(BasaltProcess basalt) {
        MysqlCli mysql = new MysqlCli(basalt.mysqlPort());
        CommandResult r = mysql.execute("CREATE DATABASE IF NOT EXISTS odku2; "
                + "CREATE TABLE odku2.t (id INT PRIMARY KEY, v VARCHAR(5)); INSERT INTO odku2.t VALUES (1, 'a'); "
                + "INSERT INTO odku2.t VALUES (1, 'b'), (2, 'c') AS new ON DUPLICATE KEY UPDATE v = new.v; "
                + "SELECT ROW_COUNT(); SELECT id, v FROM odku2.t ORDER BY id");
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("ROW_COUNT()\n3\n").contains("1\tb\n2\tc");
        CommandResult verbose = new MysqlCli(basalt.mysqlPort()).run(java.util.List.of("-h127.0.0.1",
                "-P" + basalt.mysqlPort(), "-uroot", "-vvv", "-e",
                "INSERT INTO odku2.t VALUES (2, 'd'), (3, 'e') ON DUPLICATE KEY UPDATE v = VALUES(v)"), null,
                java.time.Duration.ofSeconds(60));
        assertThat(verbose.succeeded()).as(verbose.describe()).isTrue();
        assertThat(verbose.stdout()).contains("3 rows affected").contains("Records: 2  Duplicates: 1  Warnings: 0");
    }
}
