package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.CommandRunner;
import io.basalt.tests.harness.MysqlCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mysqldump db}, then the dump fed back through {@code mysql} into a new database: the
 * data and SHOW CREATE TABLE come back identical. Binary values go through the dump as raw bytes
 * (no {@code --hex-blob}), as mysqldump writes them by default.
 */
@ExtendWith(BasaltServerExtension.class)
class MysqldumpRoundTripTest {

    private static final String SCHEMA = """
            CREATE DATABASE dumpsrc;
            USE dumpsrc;
            CREATE TABLE numbers (
              id INT NOT NULL PRIMARY KEY,
              b BOOLEAN, ti TINYINT, si SMALLINT, i INT, bi BIGINT,
              tu TINYINT UNSIGNED, iu INT UNSIGNED, bu BIGINT UNSIGNED,
              f FLOAT, d DOUBLE, dec1 DECIMAL(10,2), dec2 DECIMAL(38,10) NOT NULL DEFAULT 0);
            INSERT INTO numbers VALUES
              (1, TRUE, -128, -32768, -2147483648, -9223372036854775808, 0, 0, 0, -1.5, -2.25e-300, -99999999.99,
               -1234567890123456789012345678.0123456789),
              (2, FALSE, 127, 32767, 2147483647, 9223372036854775807, 255, 4294967295, 18446744073709551615,
               3.25, 1.7976931348623157e308, 99999999.99, 0.0000000001),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 7);
            CREATE TABLE texts (
              id BIGINT NOT NULL PRIMARY KEY,
              c CHAR(8), v VARCHAR(200) NOT NULL DEFAULT 'none', t TEXT,
              vb VARBINARY(16), bl BLOB);
            INSERT INTO texts VALUES
              (1, 'abc', 'it''s "quoted"; -- not a comment', 'line1\\nline2\\ttab \\\\ backslash', x'00FF7F80', x''),
              (2, '', '', '', NULL, NULL),
              (3, 'ünï', 'emoji 😀 and 中文', NULL, x'0A0D1A5C27', x'DEADBEEF00'),
              (4, NULL, 'none', '/* not a comment */', x'', x'FFFEFD');
            CREATE TABLE times (
              id INT NOT NULL PRIMARY KEY,
              d DATE, dt DATETIME, dt6 DATETIME(6), ts TIMESTAMP NULL, tm TIME, tm3 TIME(3));
            INSERT INTO times VALUES
              (1, '1000-01-01', '1000-01-01 00:00:00', '2024-02-29 23:59:59.999999', '2038-01-19 03:14:07',
               '00:00:00', '12:34:56.789'),
              (2, '9999-12-31', '9999-12-31 23:59:59', '1970-01-01 00:00:00.000001', '1970-01-01 00:00:01',
               '23:59:59', '00:00:00.001'),
              (3, NULL, NULL, NULL, NULL, NULL, NULL);
            CREATE TABLE counters (k INT NOT NULL AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20) DEFAULT 'dflt');
            INSERT INTO counters (note) VALUES ('a'), ('b'), (NULL);
            CREATE TABLE nokey (a INT, b VARCHAR(10));
            INSERT INTO nokey SELECT k, note FROM counters;
            CREATE VIEW recent AS SELECT k, note FROM counters WHERE k > 1;
            """;

    /** Each table's full contents, binary columns as hex so the comparison sees every byte. */
    private static final List<String> CONTENT_QUERIES = List.of(
            "SELECT * FROM numbers ORDER BY id",
            "SELECT id, c, v, t, HEX(vb), HEX(bl), vb IS NULL, bl IS NULL FROM texts ORDER BY id",
            "SELECT * FROM times ORDER BY id",
            "SELECT * FROM counters ORDER BY k",
            "SELECT * FROM nokey ORDER BY a",
            "SELECT * FROM recent ORDER BY k",
            "SELECT * FROM bulk ORDER BY id");

    @Test
    void dumpReloadedIntoANewDatabaseIsIdentical(BasaltProcess basalt, @TempDir Path dir) throws Exception {
        MysqlCli mysql = new MysqlCli(basalt.mysqlPort());
        CommandResult created = mysql.script(null, SCHEMA + bulkTable(3000));
        assertThat(created.succeeded()).as(created.describe()).isTrue();

        Path dump = dir.resolve("dumpsrc.sql");
        CommandResult dumped = CommandRunner.run(List.of(System.getProperty("basalt.mysqldump", "mysqldump"),
                "--no-defaults", "--protocol=TCP", "-h127.0.0.1", "-P" + basalt.mysqlPort(), "-uroot",
                "--result-file=" + dump, "dumpsrc"), null, Duration.ofSeconds(120));
        assertThat(dumped.succeeded()).as(dumped.describe()).isTrue();
        assertThat(dumped.stderr()).as(dumped.describe()).doesNotContain("rror");
        String text = Files.readString(dump, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("LOCK TABLES `numbers` WRITE", "UNLOCK TABLES", "CREATE TABLE `bulk`",
                "DISABLE KEYS", "CREATE VIEW `recent`");

        assertThat(mysql.execute("CREATE DATABASE dumpcopy").succeeded()).isTrue();
        CommandResult reloaded = mysql.run(List.of("--batch", "dumpcopy", "-e", "source " + dump), null, Duration.ofSeconds(120));
        assertThat(reloaded.succeeded()).as(reloaded.describe()).isTrue();
        assertThat(reloaded.stderr()).as(reloaded.describe()).isEmpty();

        for (String q : CONTENT_QUERIES) {
            CommandResult original = mysql.execute("dumpsrc", q);
            CommandResult copy = mysql.execute("dumpcopy", q);
            assertThat(original.succeeded()).as(original.describe()).isTrue();
            assertThat(copy.succeeded()).as(copy.describe()).isTrue();
            assertThat(copy.stdout()).as(q).isEqualTo(original.stdout());
            assertThat(original.stdout().lines().count()).as(q).isGreaterThan(1);
        }
        for (String table : List.of("numbers", "texts", "times", "counters", "nokey", "bulk")) {
            CommandResult original = mysql.execute("dumpsrc", "SHOW CREATE TABLE " + table);
            CommandResult copy = mysql.execute("dumpcopy", "SHOW CREATE TABLE " + table);
            assertThat(copy.succeeded()).as(copy.describe()).isTrue();
            assertThat(copy.stdout()).as(table).isEqualTo(original.stdout());
        }
        CommandResult view = mysql.execute("dumpcopy", "SHOW CREATE VIEW recent");
        assertThat(view.succeeded()).as(view.describe()).isTrue();
        assertThat(view.stdout()).contains("`recent`", "counters");

        // The copy is a working table, not a frozen one: AUTO_INCREMENT continues where it was.
        CommandResult next = mysql.execute("dumpcopy", "INSERT INTO counters (note) VALUES ('d'); "
                + "SELECT MAX(k) FROM counters");
        assertThat(next.stdout().lines().toList()).as(next.describe()).containsExactly("MAX(k)", "4");
    }

    @Test
    void rawBytesInATextColumnAreRejectedWith1366(BasaltProcess basalt) {
        MysqlCli mysql = new MysqlCli(basalt.mysqlPort());
        CommandResult r = mysql.execute("CREATE DATABASE IF NOT EXISTS rawtext; "
                + "CREATE TABLE rawtext.t (v VARCHAR(10)); INSERT INTO rawtext.t VALUES (UNHEX('FF41'))");
        assertThat(r.succeeded()).isFalse();
        assertThat(r.stderr()).contains("ERROR 1366", "Incorrect string value: '\\xFF' for column 'v' at row 1");
        CommandResult count = mysql.execute("SELECT COUNT(*) FROM rawtext.t");
        assertThat(count.stdout().lines().toList()).containsExactly("COUNT(*)", "0");
    }

    private static String bulkTable(int rows) {
        StringBuilder sb = new StringBuilder("CREATE TABLE bulk (id INT NOT NULL PRIMARY KEY, s VARCHAR(64), n DOUBLE);\n");
        sb.append("INSERT INTO bulk VALUES ");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('(').append(i).append(",'row ").append(i).append(" ''quoted''',").append(i * 0.5).append(')');
        }
        return sb.append(";\n").toString();
    }
}
