package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {

    @Test
    void parsesStatementsQueriesAndControlRecords() {
        String script = """
                # a comment between records
                hash-threshold 8

                statement ok
                CREATE TABLE t1(a INTEGER,
                  b VARCHAR(8))

                statement error
                SELECT * FROM nowhere

                query IT rowsort label-1
                SELECT a, b
                  FROM t1
                ----
                1
                x
                NULL
                (empty)

                query I nosort
                SELECT count(*) FROM t1
                ----
                30 values hashing to 3c13dee48d9356ae19af2515e05e6b54

                halt
                """;
        List<SltRecord> records = SltParser.parse("inline", script);

        assertThat(records).hasSize(6);
        assertThat(records.get(0)).isEqualTo(new SltRecord.HashThreshold(2, List.of(), 8));
        assertThat(records.get(1)).isEqualTo(
                new SltRecord.Statement(4, List.of(), false, "CREATE TABLE t1(a INTEGER,\n  b VARCHAR(8))"));
        assertThat(records.get(2)).isEqualTo(new SltRecord.Statement(8, List.of(), true, "SELECT * FROM nowhere"));
        SltRecord.Query q = (SltRecord.Query) records.get(3);
        assertThat(q.line()).isEqualTo(11);
        assertThat(q.types()).isEqualTo("IT");
        assertThat(q.sortMode()).isEqualTo(SortMode.ROWSORT);
        assertThat(q.label()).isEqualTo("label-1");
        assertThat(q.sql()).isEqualTo("SELECT a, b\n  FROM t1");
        assertThat(q.expected()).containsExactly("1", "x", "NULL", "(empty)");
        SltRecord.Query hashed = (SltRecord.Query) records.get(4);
        assertThat(hashed.hasLabel()).isFalse();
        assertThat(hashed.expected()).containsExactly("30 values hashing to 3c13dee48d9356ae19af2515e05e6b54");
        assertThat(records.get(5)).isInstanceOf(SltRecord.Halt.class);
    }

    @Test
    void guardsAttachToTheNextRecordAndAreEvaluatedForTheEngine() {
        String script = """
                skipif mysql
                statement ok
                SELECT 1

                onlyif mysql
                skipif postgresql
                statement ok
                SELECT 2

                onlyif sqlite
                halt

                statement ok
                SELECT 3
                """;
        List<SltRecord> records = SltParser.parse("inline", script);

        assertThat(records).hasSize(4);
        assertThat(records.get(0).conditions()).containsExactly(new Condition(false, "mysql"));
        assertThat(records.get(0).appliesTo("mysql")).isFalse();
        assertThat(records.get(0).appliesTo("sqlite")).isTrue();
        assertThat(records.get(1).conditions()).hasSize(2);
        assertThat(records.get(1).appliesTo("mysql")).isTrue();
        assertThat(records.get(1).appliesTo("postgresql")).isFalse();
        assertThat(records.get(2)).isInstanceOf(SltRecord.Halt.class);
        assertThat(records.get(2).appliesTo("mysql")).isFalse();
        assertThat(records.get(3).conditions()).isEmpty();
    }

    @Test
    void acceptsCrlfLineEndsAndTrailingCommentsOnGuards() {
        String script = "onlyif mssql  # this is allowed\r\nstatement ok\r\nSELECT 1\r\n\r\n"
                + "query I rowsort\r\nSELECT 1\r\n----\r\n1\r\n";
        List<SltRecord> records = SltParser.parse("inline", script);

        assertThat(records.get(0).conditions()).containsExactly(new Condition(true, "mssql"));
        assertThat(((SltRecord.Statement) records.get(0)).sql()).isEqualTo("SELECT 1");
        SltRecord.Query q = (SltRecord.Query) records.get(1);
        assertThat(q.sortMode()).isEqualTo(SortMode.ROWSORT);
        assertThat(q.expected()).containsExactly("1");
    }

    @Test
    void queryWithoutSeparatorExpectsNoValues() {
        List<SltRecord> records = SltParser.parse("inline", "query I nosort\nSELECT 1 WHERE 1=0\n\nhalt\n");

        SltRecord.Query q = (SltRecord.Query) records.get(0);
        assertThat(q.sql()).isEqualTo("SELECT 1 WHERE 1=0");
        assertThat(q.expected()).isEmpty();
        assertThat(records.get(1)).isInstanceOf(SltRecord.Halt.class);
    }

    @Test
    void unknownRecordNamesFileAndLine() {
        assertThatThrownBy(() -> SltParser.parse("bad.test", "statement ok\nSELECT 1\n\nfrobnicate\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.test:4")
                .hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> SltParser.parse("bad.test", "query I upsidedown\nSELECT 1\n"))
                .hasMessageContaining("unknown sort mode");
    }
}
