package io.basalt.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from a PEM certificate and key: trusted clients connect, plaintext ones do not. */
class FlightSqlTlsTest {

    @Test
    void clientsTrustingTheCertificateConnectOverTls(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        selfSignedCertificate(dir, cert, key);

        try (FlightFixture flight = new FlightFixture(FlightSqlConfig.defaults().withPort(0).withTls(cert, key));
                RootAllocator allocator = new RootAllocator()) {
            try (InputStream trusted = Files.newInputStream(cert);
                    FlightClient client = FlightClient.builder(allocator,
                            Location.forGrpcTls("127.0.0.1", flight.server.port())).trustedCertificates(trusted).build()) {
                CredentialCallOption token = client.authenticateBasicToken("u", "secret").orElseThrow();
                assertThat(new FlightSqlClient(client).executeUpdate("UPDATE 2", token)).isEqualTo(2);
            }
            assertThat(flight.factory.clients.get(0).secureTransport()).isTrue();

            try (FlightClient plain = FlightClient.builder(allocator,
                    Location.forGrpcInsecure("127.0.0.1", flight.server.port())).build()) {
                assertThatThrownBy(() -> plain.authenticateBasicToken("u", "secret"))
                        .isInstanceOf(FlightRuntimeException.class);
            }
        }
    }

    /** A self-signed certificate for 127.0.0.1 from the JDK's keytool, written as PEM. */
    static void selfSignedCertificate(Path dir, Path certPem, Path keyPem) throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Key key = ks.getKey("server", "changeit".toCharArray());
        Certificate c = ks.getCertificate("server");
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(certPem, pem("CERTIFICATE", c.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
