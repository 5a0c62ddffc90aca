package io.basalt.mysql.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;

/** Builds the TLS context of the listener from its {@link TlsSettings}. */
final class TlsContexts {
    private TlsContexts() {}

    /**
     * The server-side TLS context, or null when TLS is disabled. Uses the JDK's TLS implementation
     * (TLS 1.2 and 1.3), which needs nothing outside the JDK.
     *
     * @throws IOException when the certificate or key cannot be read or generated
     */
    static SslContext build(TlsSettings settings) throws IOException {
        SslContextBuilder builder;
        if (settings instanceof TlsSettings.PemFiles files) {
            try {
                builder = SslContextBuilder.forServer(files.certificateChain().toFile(), files.privateKey().toFile());
            } catch (IllegalArgumentException e) {
                throw new IOException("Cannot read the TLS certificate " + files.certificateChain() + " or key "
                        + files.privateKey() + " (the key must be unencrypted PKCS#8 PEM)", e);
            }
        } else if (settings instanceof TlsSettings.SelfSigned selfSigned) {
            builder = SslContextBuilder.forServer(KeytoolCertificate.generate(selfSigned.directory()));
        } else {
            return null;
        }
        return builder.sslProvider(SslProvider.JDK).build();
    }
}
