package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.arrow.flight.CallStatus;
import org.junit.jupiter.api.Test;

/** Which failures may move to another node, and what the application is told. */
class FailuresTest {

    private static SQLException wrapped(RuntimeException flight) {
        // as Avatica wraps what Arrow's driver throws
        return new SQLException("Error while executing SQL \"x\": " + flight.getMessage(), null, flight);
    }

    @Test
    void aRefusedConnectionWasNeverSent() {
        RuntimeException refused = CallStatus.UNAVAILABLE.withDescription("io exception")
                .withCause(new ConnectException("Connection refused")).toRuntimeException();
        assertThat(Failures.classify(wrapped(refused))).isEqualTo(Failures.Kind.UNREACHABLE);
        assertThat(Failures.translate(wrapped(refused)).getSQLState()).isEqualTo("08001");
    }

    @Test
    void aBrokenOrRefusingNodeLeavesTheOutcomeUnknown() {
        RuntimeException closed = CallStatus.UNAVAILABLE.withDescription("Network closed for unknown reason")
                .toRuntimeException();
        assertThat(Failures.classify(wrapped(closed))).isEqualTo(Failures.Kind.CONNECTION_LOST);
        RuntimeException noLeader = CallStatus.UNAVAILABLE.withDescription("no Raft leader").toRuntimeException();
        assertThat(Failures.classify(wrapped(noLeader))).isEqualTo(Failures.Kind.CONNECTION_LOST);
        assertThat(Failures.translate(wrapped(noLeader)).getMessage()).isEqualTo("no Raft leader");
    }

    @Test
    void statementErrorsKeepTheServersMessage() {
        RuntimeException syntax = CallStatus.INVALID_ARGUMENT.withDescription("You have an error in your SQL syntax")
                .toRuntimeException();
        assertThat(Failures.classify(wrapped(syntax))).isEqualTo(Failures.Kind.STATEMENT);
        SQLException e = Failures.translate(wrapped(syntax));
        assertThat(e.getMessage()).isEqualTo("You have an error in your SQL syntax");
        assertThat(e.getSQLState()).isEqualTo("42000");
        RuntimeException denied = CallStatus.UNAUTHENTICATED.withDescription("Access denied").toRuntimeException();
        assertThat(Failures.classify(new SQLException("Failed to connect.", denied))).isEqualTo(Failures.Kind.AUTHENTICATION);
        assertThat(Failures.translate(new SQLException("Failed to connect.", denied)).getSQLState()).isEqualTo("28000");
        assertThat(Failures.classify(new SQLException("plain"))).isEqualTo(Failures.Kind.STATEMENT);
    }
}
