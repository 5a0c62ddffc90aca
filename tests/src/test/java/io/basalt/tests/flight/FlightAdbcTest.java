package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcDriver;
import org.apache.arrow.adbc.core.AdbcException;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.core.AdbcStatusCode;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlConnectionProperties;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ADBC Flight SQL driver 0.20.0 against a real server. Its prepared statements send some calls
 * without the bearer token (apache/arrow-adbc#3582); with its cookie middleware on, the session
 * cookie the server sets at login authenticates them, and without it they are refused.
 */
@ExtendWith(BasaltServerExtension.class)
class FlightAdbcTest {
    private BufferAllocator allocator;

    @BeforeAll
    static void data(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE fa");
            s.execute("CREATE TABLE fa.t (id BIGINT NOT NULL, name VARCHAR(20), PRIMARY KEY (id))");
            s.execute("INSERT INTO fa.t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        }
    }

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void release() {
        allocator.close();
    }

    private AdbcDatabase open(BasaltProcess basalt, boolean cookies) throws AdbcException {
        Map<String, Object> params = new HashMap<>();
        AdbcDriver.PARAM_URI.set(params, "grpc+tcp://127.0.0.1:" + basalt.flightPort());
        AdbcDriver.PARAM_USERNAME.set(params, "root");
        AdbcDriver.PARAM_PASSWORD.set(params, "");
        if (cookies) {
            FlightSqlConnectionProperties.WITH_COOKIE_MIDDLEWARE.set(params, true);
        }
        return new FlightSqlDriver(allocator).open(params);
    }

    private static List<List<Object>> read(AdbcStatement.QueryResult result) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        ArrowReader reader = result.getReader();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (int r = 0; r < root.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    Object o = v.getObject(r);
                    row.add(o instanceof Text t ? t.toString() : o);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void queriesAndTheirSchemas(BasaltProcess basalt) throws Exception {
        try (AdbcDatabase db = open(basalt, false); AdbcConnection conn = db.connect();
                AdbcStatement stmt = conn.createStatement()) {
            stmt.setSqlQuery("SELECT id, name FROM fa.t WHERE id < 10 ORDER BY id");
            try (AdbcStatement.QueryResult r = stmt.executeQuery()) {
                assertThat(read(r)).containsExactly(List.of(1L, "a"), List.of(2L, "b"), List.of(3L, "c"));
            }
            assertThat(stmt.executeSchema().getFields()).extracting(Field::getName).containsExactly("id", "name");
        }
    }

    @Test
    void preparedQueriesAndUpdatesWithTheCookieMiddleware(BasaltProcess basalt) throws Exception {
        try (AdbcDatabase db = open(basalt, true); AdbcConnection conn = db.connect()) {
            try (AdbcStatement stmt = conn.createStatement()) {
                stmt.setSqlQuery("SELECT name FROM fa.t WHERE id = ?");
                stmt.prepare();
                assertThat(stmt.getParameterSchema().getFields()).hasSize(1);
                try (VectorSchemaRoot params = VectorSchemaRoot.create(new Schema(List.of(
                        Field.nullable("id", new ArrowType.Int(64, true)))), allocator)) {
                    ((BigIntVector) params.getVector(0)).setSafe(0, 2);
                    params.setRowCount(1);
                    stmt.bind(params);
                    try (AdbcStatement.QueryResult r = stmt.executeQuery()) {
                        assertThat(read(r)).containsExactly(List.of("b"));
                    }
                }
            }
            try (AdbcStatement stmt = conn.createStatement()) {
                stmt.setSqlQuery("INSERT INTO fa.t (id, name) VALUES (?, ?)");
                stmt.prepare();
                try (VectorSchemaRoot params = VectorSchemaRoot.create(new Schema(List.of(
                        Field.nullable("id", new ArrowType.Int(64, true)),
                        Field.nullable("name", ArrowType.Utf8.INSTANCE))), allocator)) {
                    for (int i = 0; i < 3; i++) {
                        ((BigIntVector) params.getVector(0)).setSafe(i, 10 + i);
                        ((VarCharVector) params.getVector(1)).setSafe(i, ("n" + i).getBytes(StandardCharsets.UTF_8));
                    }
                    params.setRowCount(3);
                    stmt.bind(params);
                    assertThat(stmt.executeUpdate().getAffectedRows()).isEqualTo(3);
                }
            }
        }
        try (Connection c = basalt.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*), MAX(name) FROM fa.t WHERE id >= 10")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getString(2)).isEqualTo("n2");
        }
    }

    @Test
    void withoutCookiesTheTokenlessPreparedCallsAreRefused(BasaltProcess basalt) throws Exception {
        try (AdbcDatabase db = open(basalt, false); AdbcConnection conn = db.connect()) {
            AdbcStatement stmt = conn.createStatement();
            stmt.setSqlQuery("SELECT name FROM fa.t WHERE id = 1");
            stmt.prepare();

            assertThatThrownBy(stmt::executeQuery).isInstanceOfSatisfying(AdbcException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(AdbcStatusCode.UNAUTHENTICATED));
            // Closing sends ClosePreparedStatement without the token too; the session's idle
            // expiry releases the statement.
            assertThatThrownBy(stmt::close).isInstanceOf(Exception.class);
        }
    }
}
