package io.basalt.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelFlightInfoResult;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flight SQL service end to end in one JVM, over a fake session layer. */
class FlightSqlServerTest {
    private FlightFixture flight;

    @BeforeEach
    void start() throws Exception {
        flight = new FlightFixture();
    }

    @AfterEach
    void stop() throws Exception {
        flight.close();
    }

    // ---- authentication ------------------------------------------------------------------------

    @Test
    void wrongPasswordIsUnauthenticatedWithTheMysqlMessage() {
        assertThatThrownBy(() -> flight.login("u", "wrong"))
                .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED);
                    assertThat(e.status().description())
                            .isEqualTo("Access denied for user 'u'@'127.0.0.1' (using password: YES)");
                });
    }

    @Test
    void callsWithoutOrWithAForgedTokenAreRejected() {
        FlightSqlClient anonymous = new FlightSqlClient(flight.rawClient());
        assertThatThrownBy(() -> anonymous.execute("GENERATE 1"))
                .isInstanceOfSatisfying(FlightRuntimeException.class,
                        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        FlightCallHeaders forged = new FlightCallHeaders();
        forged.insert("authorization", "Bearer " + Handles.newToken());
        assertThatThrownBy(() -> anonymous.execute("GENERATE 1", new HeaderCallOption(forged)))
                .isInstanceOfSatisfying(FlightRuntimeException.class,
                        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
    }

    @Test
    void sessionCarriesTheClientAddressAndProtocol() {
        flight.login();

        assertThat(flight.factory.clients.get(0).protocol()).isEqualTo("flight");
        assertThat(flight.factory.clients.get(0).remoteHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSessionCookieAuthenticatesCallsThatDropTheBearerToken() {
        FlightFixture.Login login = flight.login("u", "secret", new ClientCookieMiddleware.Factory());

        // No call option at all, as ADBC 0.20 sends prepared statement calls.
        FlightSqlClient.PreparedStatement p = login.sql().prepare("INSERT ?");
        assertThat(p.getParameterSchema().getFields()).hasSize(1);
        p.close();
        assertThat(login.sql().executeUpdate("UPDATE 3")).isEqualTo(3);
    }

    @Test
    void aDatabaseHeaderSelectsTheDatabase() {
        FlightFixture.Login login = flight.login();
        FlightCallHeaders h = new FlightCallHeaders();
        h.insert("database", "shop");

        login.sql().executeUpdate("UPDATE 0", login.token(), new HeaderCallOption(h));

        assertThat(login.session().database()).isEqualTo("shop");
    }

    @Test
    void closeSessionEndsTheSessionAndItsToken() {
        FlightFixture.Login login = flight.login();

        login.sql().closeSession(new org.apache.arrow.flight.CloseSessionRequest(), login.token());

        assertThat(login.session().closed).isTrue();
        assertThatThrownBy(() -> login.sql().executeUpdate("UPDATE 1", login.token()))
                .isInstanceOfSatisfying(FlightRuntimeException.class,
                        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
    }

    @Test
    void idleSessionsAreClosed() throws Exception {
        flight.close();
        flight = new FlightFixture(FlightSqlConfig.defaults().withPort(0)
                .withSessionIdleTimeout(Duration.ofMillis(300)));
        FlightFixture.Login login = flight.login();

        waitFor(() -> login.session().closed);

        assertThat(flight.server.sessionCount()).isZero();
    }

    // ---- statements ----------------------------------------------------------------------------

    @Test
    void queryStreamsEveryBatchAndClosesTheResult() throws Exception {
        FlightFixture.Login login = flight.login();

        FlightInfo info = login.sql().execute("GENERATE 100000", login.token());
        long rows = 0;
        long sum = 0;
        int batches = 0;
        try (FlightStream stream = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
            assertThat(stream.getSchema().getFields().get(0).getName()).isEqualTo("n");
            while (stream.next()) {
                BigIntVector v = (BigIntVector) stream.getRoot().getVector(0);
                for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                    sum += v.get(i);
                }
                rows += stream.getRoot().getRowCount();
                batches++;
            }
        }

        assertThat(rows).isEqualTo(100_000);
        assertThat(sum).isEqualTo(100_000L * 99_999 / 2);
        assertThat(batches).isEqualTo(100);
        assertThat(info.getSchema().getFields().get(0).getMetadata())
                .containsEntry("ARROW:FLIGHT:SQL:TYPE_NAME", "BIGINT");
        waitFor(() -> login.session().streams.get(0).closed);
        waitFor(() -> flight.serverRoot.getAllocatedMemory() == 0);
    }

    @Test
    void aTicketIsFetchedOnce() throws Exception {
        FlightFixture.Login login = flight.login();
        FlightInfo info = login.sql().execute("GENERATE 10", login.token());
        try (FlightStream s = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
            while (s.next()) {
                // drain
            }
        }

        assertThatThrownBy(() -> {
            try (FlightStream s = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
                s.next();
            }
        }).isInstanceOfSatisfying(FlightRuntimeException.class,
                e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND));
    }

    @Test
    void badSqlIsInvalidArgumentWithTheSessionMessage() {
        FlightFixture.Login login = flight.login();

        assertThatThrownBy(() -> login.sql().execute("BAD", login.token()))
                .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
                    assertThat(e.status().description()).isEqualTo(FakeSession.PARSE_MESSAGE);
                });
        assertThatThrownBy(() -> login.sql().prepare("BAD", login.token()))
                .isInstanceOfSatisfying(FlightRuntimeException.class,
                        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT));
    }

    @Test
    void updateReturnsTheAffectedRowCount() {
        FlightFixture.Login login = flight.login();

        assertThat(login.sql().executeUpdate("UPDATE 7", login.token())).isEqualTo(7);
    }

    @Test
    void getSchemaPreparesWithoutRunning() {
        FlightFixture.Login login = flight.login();

        Schema schema = login.sql().getExecuteSchema("GENERATE 5", login.token()).getSchema();

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("n");
        assertThat(login.session().streams).isEmpty();
    }

    @Test
    void cancellingAStreamMidwayClosesTheQueryAndFreesItsMemory() throws Exception {
        FlightFixture.Login login = flight.login();
        long total = 50_000_000;
        FlightInfo info = login.sql().execute("GENERATE " + total, login.token());
        FlightStream stream = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token());
        assertThat(stream.next()).isTrue();

        stream.cancel("enough", null);
        stream.close();

        FakeSession.GeneratedStream generated = login.session().streams.get(0);
        waitFor(() -> generated.closed);
        assertThat((long) generated.batches * FakeSession.GeneratedStream.BATCH).isLessThan(total);
        waitFor(() -> flight.serverRoot.getAllocatedMemory() == 0);
    }

    @Test
    void cancelFlightInfoDropsAnUnfetchedResult() throws Exception {
        FlightFixture.Login login = flight.login();
        FlightInfo info = login.sql().execute("GENERATE 1000000", login.token());

        CancelFlightInfoResult r = login.sql().cancelFlightInfo(new CancelFlightInfoRequest(info), login.token());

        assertThat(r.getStatus()).isEqualTo(CancelStatus.CANCELLED);
        assertThat(login.session().streams.get(0).closed).isTrue();
        waitFor(() -> flight.serverRoot.getAllocatedMemory() == 0);
    }

    // ---- prepared statements -------------------------------------------------------------------

    @Test
    void preparedQueryBindsParametersFromDoPut() throws Exception {
        FlightFixture.Login login = flight.login();
        // close() without options would drop the token (as ADBC does): close with it instead.
        FlightSqlClient.PreparedStatement p = login.sql().prepare("SELECT ?+?", login.token());
        try (VectorSchemaRoot params = VectorSchemaRoot.create(p.getParameterSchema(), flight.clientAllocator())) {
            assertThat(p.getParameterSchema().getFields()).extracting(Field::getType)
                    .containsExactly(new ArrowType.Int(64, true), new ArrowType.Int(64, true));
            assertThat(p.getResultSetSchema().getFields()).extracting(Field::getName).containsExactly("sum");
            ((BigIntVector) params.getVector(0)).setSafe(0, 40);
            ((BigIntVector) params.getVector(1)).setSafe(0, 2);
            params.setRowCount(1);
            p.setParameters(params);

            FlightInfo info = p.execute(login.token());
            try (FlightStream s = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
                assertThat(s.next()).isTrue();
                assertThat(((BigIntVector) s.getRoot().getVector(0)).get(0)).isEqualTo(42);
                assertThat(s.next()).isFalse();
            }
        }
        p.close(login.token());
        assertThat(login.session().preparedRuns).containsExactly(List.of(40L, 2L));
    }

    @Test
    void preparedUpdateRunsOncePerParameterRowAndSumsTheCounts() throws Exception {
        FlightFixture.Login login = flight.login();
        FlightSqlClient.PreparedStatement p = login.sql().prepare("INSERT ?", login.token());
        try (VectorSchemaRoot params = VectorSchemaRoot.create(p.getParameterSchema(), flight.clientAllocator())) {
            VarCharVector v = (VarCharVector) params.getVector(0);
            v.setSafe(0, "a".getBytes());
            v.setNull(1);
            v.setSafe(2, "c".getBytes());
            params.setRowCount(3);
            p.setParameters(params);

            assertThat(p.executeUpdate(login.token())).isEqualTo(3);
        }
        p.close(login.token());
        List<List<Object>> runs = new ArrayList<>(login.session().preparedRuns);
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0)).containsExactly("a");
        assertThat(runs.get(1)).containsExactly((Object) null);
        assertThat(runs.get(2)).containsExactly("c");
    }

    @Test
    void preparedStatementWithoutParametersRunsAsAnUpdateOnce() {
        FlightFixture.Login login = flight.login();
        FlightSqlClient.PreparedStatement p = login.sql().prepare("UPDATE 5", login.token());
        assertThat(p.getResultSetSchema().getFields()).isEmpty();
        assertThat(p.executeUpdate(login.token())).isEqualTo(5);
        p.close(login.token());
    }

    @Test
    void closedPreparedStatementsAreForgotten() {
        FlightFixture.Login login = flight.login();
        FlightSqlClient.PreparedStatement p = login.sql().prepare("UPDATE 5", login.token());
        p.close(login.token());

        FlightSqlClient.PreparedStatement again = login.sql().prepare("UPDATE 6", login.token());
        assertThat(again.executeUpdate(login.token())).isEqualTo(6);
        again.close(login.token());
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
