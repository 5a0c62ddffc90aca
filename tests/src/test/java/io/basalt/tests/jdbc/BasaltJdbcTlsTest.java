package io.basalt.tests.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.CommandRunner;
import io.basalt.tests.harness.RepoLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS through the shaded jar (Netty with the JDK's TLS: the jar carries no OpenSSL natives)
 * against a node serving Flight SQL with a self-signed certificate made by openssl.
 */
class BasaltJdbcTlsTest {
    private static Path cert;
    private static BasaltProcess basalt;

    @BeforeAll
    static void startTlsNode() throws Exception {
        Path dir = RepoLayout.testsTarget().resolve("jdbc-tls");
        Files.createDirectories(dir);
        cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        // openssl is installed by .ci/run; without it this test fails rather than skips.
        CommandResult made = CommandRunner.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()), Duration.ofSeconds(60));
        if (!made.succeeded()) {
            throw new IllegalStateException("openssl could not make a certificate:\n" + made.describe());
        }
        basalt = BasaltProcess.start("jdbc-tls", null, List.of("--flight-tls-cert", cert.toString(),
                "--flight-tls-key", key.toString()));
    }

    @AfterAll
    static void stop() {
        if (basalt != null) {
            basalt.close();
        }
    }

    private static String url(String options) {
        return "jdbc:basalt://localhost:" + basalt.flightPort() + "/?user=root&password=&useEncryption=true" + options;
    }

    private static void assertQueries(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void connectsWithTheServersCertificateAsTrustRoot() throws Exception {
        try (Connection c = BasaltJdbcJar.connect(url("&tlsRootCerts=" + cert))) {
            assertQueries(c);
        }
    }

    @Test
    void connectsWithoutVerificationWhenAskedTo() throws Exception {
        Properties p = new Properties();
        p.setProperty("disableCertificateVerification", "true");
        try (Connection c = BasaltJdbcJar.connect(url(""), p)) {
            assertQueries(c);
        }
    }

    @Test
    void anUntrustedCertificateOrPlainTextFails() {
        assertThatThrownBy(() -> BasaltJdbcJar.connect(url("&useSystemTrustStore=true")).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> BasaltJdbcJar.connect(url("").replace("useEncryption=true", "useEncryption=false"))
                .close()).isInstanceOf(SQLException.class);
    }
}
