package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MysqlServerLifecycleTest {

    @Test
    void closeEndsEverySessionIdleStreamingOrExecuting() throws Exception {
        try (FakeSessionFactory sessions = new FakeSessionFactory()) {
            MysqlServer server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withWorkerThreads(3), sessions);
            server.start();
            String url = "jdbc:mysql://127.0.0.1:" + server.port() + "/?user=root&password=&useSSL=false";
            try (Connection idle = DriverManager.getConnection(url);
                    RawMysqlClient streaming = new RawMysqlClient(server.port());
                    RawMysqlClient sleeping = new RawMysqlClient(server.port())) {
                streaming.loginOk();
                FakeSession streamingSession = sessions.last();
                streaming.command(CommandCodes.QUERY, "select stream -1 1000");
                streaming.read();
                sleeping.loginOk();
                FakeSession sleepingSession = sessions.last();
                sleeping.command(CommandCodes.QUERY, "sleep");
                assertThat(sleepingSession.awaitSleeping(5, TimeUnit.SECONDS)).isTrue();

                server.close();

                assertThat(sessions.sessions()).hasSize(3).allMatch(FakeSession::isClosed);
                assertThat(streamingSession.cancels()).isPositive();
                assertThat(streamingSession.streams().get(0).isClosed()).isTrue();
                assertThat(sleepingSession.cancels()).isPositive();
                assertThat(sessions.allocatedBytes()).isZero();
                assertThat(streaming.closedByServer(5_000)).isTrue();
                assertThat(idle.isValid(2)).isFalse();
            }
            server.close();
        }
    }

    @Test
    void portZeroBindsAFreePortAndStartingTwiceFails() throws Exception {
        try (FakeSessionFactory sessions = new FakeSessionFactory();
                MysqlServer server = new MysqlServer(MysqlServerConfig.defaults().withPort(0), sessions)) {
            assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
            server.start();
            assertThat(server.port()).isPositive();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void portInUseIsAnIOException() throws Exception {
        try (FakeSessionFactory sessions = new FakeSessionFactory();
                MysqlServer first = new MysqlServer(MysqlServerConfig.defaults().withPort(0), sessions)) {
            first.start();
            MysqlServer second = new MysqlServer(MysqlServerConfig.defaults().withPort(first.port()), sessions);
            assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining(":" + first.port());
            second.close();
        }
    }

    @Test
    void configDefaultsAndValidation() {
        MysqlServerConfig defaults = MysqlServerConfig.defaults();
        assertThat(defaults.bindHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(9030);
        assertThat(defaults.maxAllowedPacket()).isEqualTo(64 * 1024 * 1024);
        assertThat(defaults.serverVersion()).isEqualTo("8.0.33-basalt");
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.defaultAuthPlugin()).isEqualTo(AuthPlugin.CACHING_SHA2_PASSWORD);
        assertThat(defaults.tls().enabled()).isFalse();
        assertThat(defaults.compression()).isTrue();
        assertThatThrownBy(() -> defaults.withDefaultAuthPlugin(AuthPlugin.MYSQL_CLEAR_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withTls(TlsSettings.selfSigned(java.nio.file.Path.of("/tmp"))).tls().enabled()).isTrue();
        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxAllowedPacket(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withWorkerThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withServerVersion("8.0\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withConnectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
