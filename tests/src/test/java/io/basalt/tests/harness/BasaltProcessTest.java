package io.basalt.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The harness against a real Basalt server: JDBC and the mysql CLI reach it, an acknowledged write survives
 * SIGKILL and restart, and a graceful stop ends the process.
 */
@ExtendWith(BasaltServerExtension.class)
class BasaltProcessTest {

    @Test
    void answersSelectOneOverJdbcAndTheMysqlCli(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(ProcessHandle.of(basalt.pid()).map(ProcessHandle::isAlive)).contains(true);

        CommandResult cli = new MysqlCli(basalt.mysqlPort()).execute("SELECT 1 AS one");

        assertThat(cli.succeeded()).as(cli.describe()).isTrue();
        assertThat(cli.stdout().lines().toList()).as(cli.describe()).containsExactly("one", "1");
    }

    @Test
    void acknowledgedWritesSurviveKill9AndRestart(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE harness_durability");
            s.execute("CREATE TABLE harness_durability.t (id INT, name VARCHAR(20))");
            s.execute("INSERT INTO harness_durability.t VALUES (1, 'one'), (2, 'two')");
        }
        long before = basalt.pid();

        assertThat(basalt.kill9()).isEqualTo(ServerProcess.SIGKILL_EXIT);
        assertThat(basalt.isAlive()).isFalse();
        basalt.restart();

        assertThat(basalt.pid()).isNotEqualTo(before);
        try (Connection c = basalt.connect("harness_durability"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM t ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
            assertThat(rows).as("rows after SIGKILL; server log %s", basalt.logFile()).containsExactly("1:one", "2:two");
        }
    }

    @Test
    void stopEndsTheProcessAndStartBringsItBackOnTheSamePorts(BasaltProcess basalt) throws Exception {
        int port = basalt.mysqlPort();

        basalt.stop();

        assertThat(basalt.isAlive()).isFalse();
        basalt.start();
        assertThat(basalt.mysqlPort()).isEqualTo(port);
        try (Connection c = basalt.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
