package io.basalt.mysql.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Certificates for TLS tests, made with the JDK's keytool. */
final class TlsFixtures {
    private static final String PASSWORD = "changeit";

    private TlsFixtures() {}

    /** A certificate and its PKCS#8 key as PEM files in {@code directory}: {cert, key}. */
    static Path[] pemFiles(Path directory) throws Exception {
        Path store = directory.resolve("fixture.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "fixture", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt").inheritIO().start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        Path cert = directory.resolve("server-cert.pem");
        Path key = directory.resolve("server-key.pem");
        Files.writeString(cert, pem("CERTIFICATE", keyStore.getCertificate("fixture").getEncoded()));
        PrivateKey privateKey = (PrivateKey) keyStore.getKey("fixture", PASSWORD.toCharArray());
        Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
        return new Path[] {cert, key};
    }

    /** A PKCS12 trust store holding the PEM certificate, with password {@link #password()}. */
    static Path trustStore(Path certificatePem, Path file) throws Exception {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(certificatePem)) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("basalt", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    static String password() {
        return PASSWORD;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + new String(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der), StandardCharsets.US_ASCII)
                + "\n-----END " + type + "-----\n";
    }
}
