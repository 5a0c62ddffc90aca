package io.basalt.mysql.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The server's RSA key pair for caching_sha2_password's full authentication over a plain
 * connection: a client without TLS fetches the public key and sends its password encrypted with
 * it. Generated once per server, on first use (a 2048-bit key takes a moment to make), and never
 * written anywhere.
 */
final class AuthRsaKey {
    private static final int BITS = 2048;
    // What MySQL 8.0.5+ and its clients use: OAEP with SHA-1 and MGF1/SHA-1 (OpenSSL's RSA_PKCS1_OAEP_PADDING).
    private static final String CIPHER = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    private KeyPair pair;
    private byte[] publicKeyPem;

    /** The public key as a PEM SubjectPublicKeyInfo, as MySQL sends it. */
    synchronized byte[] publicKeyPem() {
        keyPair();
        return publicKeyPem.clone();
    }

    /** Length in bytes of a ciphertext, which is the modulus length. */
    int cipherLength() {
        return BITS / 8;
    }

    /**
     * Decrypts what a client encrypted with the public key.
     *
     * @throws GeneralSecurityException when it was not encrypted with this key
     */
    byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, keyPair().getPrivate());
        return cipher.doFinal(ciphertext);
    }

    private synchronized KeyPair keyPair() {
        if (pair == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(BITS);
                pair = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is not available in this JDK", e);
            }
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            publicKeyPem = pem.getBytes(StandardCharsets.US_ASCII);
        }
        return pair;
    }
}
