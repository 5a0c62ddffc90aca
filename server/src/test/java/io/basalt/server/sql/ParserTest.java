package io.basalt.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.parser.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    @Test
    void splitsStatementsAtTopLevelSemicolonsOnly() {
        assertThat(SqlParser.split("SELECT 'a;b'; SELECT `x;y` FROM t -- c; d\n; /* ; */ SELECT 3;;"))
                .containsExactly("SELECT 'a;b'", "SELECT `x;y` FROM t -- c; d", "/* ; */ SELECT 3");
    }

    @Test
    void parsesMysqlQueryForms() {
        for (String sql : List.of(
                "SELECT a, b FROM t WHERE a DIV 2 = 1 AND b % 3 <> 0 LIMIT 5, 10",
                "SELECT `select`, \"string\" AS s FROM `weird table` AS w",
                "SELECT COUNT( * ), SUM(DISTINCT x), GROUP_CONCAT(DISTINCT y ORDER BY y DESC SEPARATOR '|') FROM t GROUP BY z WITH ROLLUP",
                "SELECT * FROM a, b JOIN c ON b.x = c.x LEFT OUTER JOIN d USING (y) NATURAL JOIN e",
                "SELECT x FROM t WHERE x IN (SELECT y FROM u) OR EXISTS (SELECT 1 FROM v WHERE v.z = t.z)",
                "SELECT CAST(x AS SIGNED), CONVERT(y, CHAR(10)), CASE WHEN a THEN 1 ELSE 2 END, IF(a > 1, 'y', 'n')",
                "SELECT DATE_ADD(d, INTERVAL 2 DAY), d - INTERVAL 1 HOUR, EXTRACT(YEAR FROM d), TRIM(LEADING 'x' FROM s)",
                "SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
                "WITH c AS (SELECT 1 AS one) SELECT * FROM c UNION ALL SELECT 2 ORDER BY 1 DESC",
                "SELECT @@session.autocommit, @@version_comment, @my_var",
                "/*!40101 SELECT 1 */",
                "SELECT x'41', 0x42, b'1', N'text', _utf8mb4'abc'",
                "SELECT t.doc->'$.a', doc->>'$.b[0]' FROM t WHERE doc -> '$.c' IS NULL ORDER BY doc->>'$.d'")) {
            assertThat(SqlParser.parse(sql)).as(sql).isInstanceOf(Statement.Query.class);
        }
    }

    @Test
    void parsesDdlInBothDialects() {
        Statement mysql = SqlParser.parse("CREATE TABLE IF NOT EXISTS d.t (id INT UNSIGNED NOT NULL AUTO_INCREMENT, "
                + "name VARCHAR(20) DEFAULT 'x' COMMENT 'n', PRIMARY KEY (id), UNIQUE KEY u (name), KEY k (name)) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        assertThat(mysql).isInstanceOfSatisfying(Statement.CreateTable.class, c -> {
            assertThat(c.ifNotExists()).isTrue();
            assertThat(c.definition().keyColumns()).containsExactly("id");
            assertThat(c.definition().indexes()).hasSize(2);
            assertThat(c.definition().columns().get(0).type().unsigned()).isTrue();
        });
        Statement starrocks = SqlParser.parse("CREATE TABLE t (k BIGINT, v STRING) DUPLICATE KEY(k) "
                + "DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES (\"replication_num\" = \"3\")");
        assertThat(starrocks).isInstanceOfSatisfying(Statement.CreateTable.class, c -> {
            assertThat(c.definition().keysType()).isEqualTo("DUPLICATE");
            assertThat(c.definition().buckets()).isEqualTo(8);
            assertThat(c.definition().properties()).containsEntry("replication_num", "3");
        });
    }

    @Test
    void parsesAdminAndSessionStatements() {
        assertThat(SqlParser.parse("SHOW FULL PROCESSLIST")).isInstanceOf(Statement.Show.class);
        assertThat(SqlParser.parse("SHOW PROC '/frontends'")).isInstanceOf(Statement.Show.class);
        assertThat(SqlParser.parse("ADMIN SHOW FRONTEND CONFIG LIKE '%port%'")).isInstanceOf(Statement.AdminShowConfig.class);
        assertThat(SqlParser.parse("ADMIN SET FRONTEND CONFIG (\"sys_log_level\" = \"DEBUG\")"))
                .isInstanceOf(Statement.AdminSetConfig.class);
        assertThat(SqlParser.parse("KILL QUERY 12")).isEqualTo(new Statement.Kill(12, true));
        assertThat(SqlParser.parse("SET autocommit = ON, @x := 5, NAMES utf8mb4")).isInstanceOf(Statement.Set.class);
        assertThat(SqlParser.parse("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"))
                .isInstanceOf(Statement.SetTransaction.class);
    }

    @Test
    void syntaxErrorsAreMysqlError1064PointingAtTheProblem() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT * FROM t WHERE"))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARSE_ERROR);
                    assertThat(e.getMessage()).contains("near '' at line 1");
                });
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1\nFROM t WHERE x = 'unterminated"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.getMessage()).contains("at line 2"));
        assertThatThrownBy(() -> SqlParser.parse("  ")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_QUERY));
    }
}
