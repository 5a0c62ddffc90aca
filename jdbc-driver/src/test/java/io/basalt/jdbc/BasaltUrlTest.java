package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BasaltUrlTest {

    @Test
    void parsesHostsDatabaseAndProperties() throws Exception {
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt://h1:9408,h2,[::1]:7000/sales?user=bob&password=p%26w&useEncryption=true",
                null);
        assertThat(url.hosts()).containsExactly(new HostAndPort("h1", 9408), new HostAndPort("h2", 9408),
                new HostAndPort("::1", 7000));
        assertThat(url.database()).isEqualTo("sales");
        assertThat(url.flightProperties().getProperty("user")).isEqualTo("bob");
        assertThat(url.flightProperties().getProperty("password")).isEqualTo("p&w");
        assertThat(url.flightProperties().getProperty("useencryption")).isEqualTo("true");
        assertThat(new HostAndPort("::1", 7000).authority()).isEqualTo("[::1]:7000");
    }

    @Test
    void propertiesOverrideTheUrlAndDriverPropertiesStayHere() throws Exception {
        Properties info = new Properties();
        info.setProperty("password", "secret");
        info.setProperty("retryReads", "false");
        BasaltUrl url = BasaltUrl.parse("jdbc:basalt://h1?password=x&database=d1", info);
        assertThat(url.database()).isEqualTo("d1");
        assertThat(url.flag(DriverProperty.RETRY_READS)).isFalse();
        Properties flight = url.flightProperties();
        assertThat(flight.getProperty("password")).isEqualTo("secret");
        assertThat(flight.getProperty("useencryption")).isEqualTo("false");
        assertThat(flight.getProperty("user")).isEqualTo("root");
        assertThat(flight).doesNotContainKeys("retryreads", "database");
    }

    @Test
    void rejectsWhatIsNotABasaltUrl() {
        assertThat(BasaltUrl.accepts("jdbc:mysql://h")).isFalse();
        assertThat(BasaltUrl.accepts("JDBC:BASALT://h")).isTrue();
        assertThatThrownBy(() -> BasaltUrl.parse("jdbc:basalt:///db", null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> BasaltUrl.parse("jdbc:basalt://h:port", null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void classifiesStatements() {
        assertThat(StatementKind.of("  select 1")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("/* c */ (SELECT 1) UNION (SELECT 2)")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("-- c\nSHOW FRONTENDS")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("use db1")).isEqualTo(StatementKind.SESSION);
        assertThat(StatementKind.of("SET sql_mode = ''")).isEqualTo(StatementKind.SESSION);
        assertThat(StatementKind.of("SET SESSION x = 1")).isEqualTo(StatementKind.SESSION);
        assertThat(StatementKind.of("SET GLOBAL x = 1")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("SET PASSWORD = 'x'")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("INSERT INTO t VALUES (1)")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("CREATE TABLE t (a INT)")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.usedDatabase("USE `my``db`;")).isEqualTo("my`db");
        assertThat(StatementKind.usedDatabase("use sales")).isEqualTo("sales");
        assertThat(StatementKind.usedDatabase("SET x = 1")).isNull();
    }

    @Test
    void spreadsABatchCountOverItsRows() {
        assertThat(BasaltPreparedStatement.perRow(new long[] {3}, 3)).containsExactly(1, 1, 1);
        assertThat(BasaltPreparedStatement.perRow(new long[] {1, 0}, 2)).containsExactly(1, 0);
        assertThat(BasaltPreparedStatement.perRow(new long[] {5}, 3)).containsExactly(-2, -2, -2);
    }

    @Test
    void quotesLiteralsAndIdentifiers() {
        assertThat(MetaDataProxy.literal("o'k\\")).isEqualTo("'o''k\\\\'");
        assertThat(FailoverRouter.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(List.of(TypeInfoTable.ROWS.size())).containsExactly(17);
    }
}
