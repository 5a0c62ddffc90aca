package io.basalt.server.session;

import static io.basalt.server.LocalDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.LocalDatabase;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedStatementTest {
    @TempDir
    Path dir;

    @Test
    void preparesWithInferredTypesAndExecutesManyTimes() throws Exception {
        try (LocalDatabase db = new LocalDatabase(dir); Session s = db.session()) {
            rows(s, "CREATE DATABASE p; USE p; CREATE TABLE t (k INT PRIMARY KEY, v VARCHAR(10), d DATE)");
            try (PreparedStatement insert = s.prepare("INSERT INTO t VALUES (?, ?, ?)")) {
                assertThat(insert.parameters().getFields()).hasSize(3);
                assertThat(insert.parameters().getFields().get(0).getType()).isEqualTo(new ArrowType.Int(32, true));
                assertThat(insert.resultSchema().getFields()).isEmpty();
                for (long k = 1; k <= 3; k++) {
                    try (QueryResult r = insert.execute(Arrays.asList(k, "v" + k, java.time.LocalDate.of(2024, 1, (int) k)))) {
                        assertThat(((QueryResult.UpdateCount) r).affectedRows()).isEqualTo(1);
                    }
                }
            }
            try (PreparedStatement update = s.prepare("UPDATE t SET v = ? WHERE k = ?")) {
                try (QueryResult r = update.execute(Arrays.asList("two", 2L))) {
                    assertThat(((QueryResult.UpdateCount) r).affectedRows()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = s.prepare("SELECT k, v FROM t WHERE k >= ? ORDER BY k")) {
                assertThat(select.parameters().getFields().get(0).getType()).isEqualTo(new ArrowType.Int(32, true));
                assertThat(select.resultSchema().getFields()).extracting(f -> f.getName()).containsExactly("k", "v");
                try (QueryResult r = select.execute(List.of(2L))) {
                    var stream = ((QueryResult.Rows) r).stream();
                    assertThat(stream.next()).isTrue();
                    assertThat(stream.root().getRowCount()).isEqualTo(2);
                    assertThat(stream.root().getVector(1).getObject(0).toString()).isEqualTo("two");
                }
            }
            assertThat(rows(s, "SELECT v, d FROM t WHERE k = 3")).containsExactly(List.of("v3", "2024-01-03"));
        }
    }
}
