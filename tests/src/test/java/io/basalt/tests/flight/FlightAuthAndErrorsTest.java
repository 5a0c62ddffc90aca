package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Authentication is enforced, and errors carry the status and the message the MySQL face gives. */
@ExtendWith(BasaltServerExtension.class)
class FlightAuthAndErrorsTest {

    @Test
    void wrongPasswordIsUnauthenticated(BasaltProcess basalt) {
        assertThatThrownBy(() -> FlightLogin.as(basalt, "root", "wrong").close())
                .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED);
                    assertThat(e.status().description())
                            .isEqualTo("Access denied for user 'root'@'127.0.0.1' (using password: YES)");
                });
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:"
                + basalt.flightPort() + "?useEncryption=false&user=root&password=wrong"))
                .isInstanceOf(SQLException.class)
                .hasStackTraceContaining("Access denied for user 'root'");
    }

    @Test
    void callsWithoutATokenAreUnauthenticated(BasaltProcess basalt) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", basalt.flightPort())).build()) {
            FlightSqlClient sql = new FlightSqlClient(client);
            assertThatThrownBy(() -> sql.execute("SELECT 1"))
                    .isInstanceOfSatisfying(FlightRuntimeException.class,
                            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
            assertThatThrownBy(() -> sql.getCatalogs())
                    .isInstanceOfSatisfying(FlightRuntimeException.class,
                            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        }
    }

    @Test
    void badSqlIsInvalidArgumentWithTheMysqlFacesMessage(BasaltProcess basalt) throws Exception {
        assertSameError(basalt, "SELEC 1", FlightStatusCode.INVALID_ARGUMENT);
        assertSameError(basalt, "SELECT nope FROM information_schema.SCHEMATA", FlightStatusCode.INVALID_ARGUMENT);
        assertSameError(basalt, "SELECT * FROM information_schema.no_such_table", FlightStatusCode.NOT_FOUND);
    }

    private static void assertSameError(BasaltProcess basalt, String sql, FlightStatusCode code) throws Exception {
        String mysqlMessage;
        try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl(null))) {
            mysqlMessage = catchMessage(() -> c.createStatement().execute(sql));
        }
        try (FlightLogin f = FlightLogin.root(basalt)) {
            assertThatThrownBy(() -> f.sql.execute(sql, f.token))
                    .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
                        assertThat(e.status().code()).as(sql).isEqualTo(code);
                        assertThat(e.status().description()).as(sql).isEqualTo(mysqlMessage);
                    });
        }
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static String catchMessage(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("the MySQL face accepted the statement");
    }
}
