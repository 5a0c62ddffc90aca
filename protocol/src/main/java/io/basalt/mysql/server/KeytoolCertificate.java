package io.basalt.mysql.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a self-signed server certificate with the JDK's {@code keytool}: Java 17 has no public
 * API that creates certificates (Netty's own generator needs BouncyCastle or JDK internals that
 * Java 17 closes off), and keytool ships with every JDK. The key pair never leaves the process: the
 * PKCS12 file keytool writes is protected by a random password passed through the environment, and
 * deleted once loaded. Only the certificate is kept, as PEM, for clients that want to pin it.
 */
final class KeytoolCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(KeytoolCertificate.class);
    private static final String ALIAS = "basalt-mysql";
    private static final String PASSWORD_VARIABLE = "BASALT_KEYSTORE_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private KeytoolCertificate() {}

    /**
     * Creates a fresh RSA 2048 certificate for CN=localhost (SAN localhost and 127.0.0.1), valid ten
     * years, and returns key managers serving it.
     *
     * @param directory where keytool writes; created when missing; receives the certificate PEM
     * @throws IOException when keytool is missing or fails, or the directory is not writable
     */
    static KeyManagerFactory generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("Cannot generate a self-signed certificate: no keytool in " + keytool.getParent()
                    + "; configure certificate and key PEM files instead");
        }
        Path store = directory.resolve("mysql-selfsigned-" + ProcessHandle.current().pid() + ".p12");
        Files.deleteIfExists(store);
        char[] password = randomPassword();
        try {
            runKeytool(keytool, store, password);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password);
            }
            Certificate certificate = keyStore.getCertificate(ALIAS);
            Path pem = directory.resolve(TlsSettings.SelfSigned.CERTIFICATE_FILE);
            Files.writeString(pem, pem(certificate), StandardCharsets.US_ASCII);
            LOG.info("Generated a self-signed TLS certificate for MySQL clients (SHA-256 fingerprint {}), saved as {}",
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())), pem);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);
            return keyManagers;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load the certificate keytool generated", e);
        } finally {
            Files.deleteIfExists(store);
        }
    }

    private static void runKeytool(Path keytool, Path store, char[] password) throws IOException {
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650", "-dname", "CN=localhost, O=Basalt",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                // Through the environment, so the password never shows in a process listing.
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE, "-noprompt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, new String(password));
        Process process = builder.start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed with exit code " + process.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating a certificate", e);
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static String pem(Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
