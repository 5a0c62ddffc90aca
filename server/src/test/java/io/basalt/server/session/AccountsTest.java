package io.basalt.server.session;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.update;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.LocalDatabase;
import io.basalt.server.auth.PasswordHashes;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.FullAuthenticationRequired;
import io.basalt.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path dir;

    private static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (BasaltException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test
    void usersLogInWithTheirPasswordAndSeeOnlyWhatTheyAreGranted() throws Exception {
        try (LocalDatabase db = new LocalDatabase(dir); Session root = db.session()) {
            rows(root, "CREATE DATABASE shop; CREATE DATABASE secret; CREATE TABLE shop.items (id INT, name VARCHAR(10));"
                    + "CREATE TABLE secret.keys (k INT); INSERT INTO shop.items VALUES (1, 'a')");
            update(root, "CREATE USER 'alice'@'%' IDENTIFIED BY 's3cret'");
            assertThat(codeOf(() -> update(root, "CREATE USER alice IDENTIFIED BY 'x'"))).isEqualTo(ErrorCode.USER_OPERATION_FAILED);
            assertThat(codeOf(() -> db.session("alice", "wrong"))).isEqualTo(ErrorCode.ACCESS_DENIED);
            assertThat(codeOf(() -> db.session("nobody", ""))).isEqualTo(ErrorCode.ACCESS_DENIED);
            try (Session alice = db.session("alice", "s3cret")) {
                assertThat(codeOf(() -> value(alice, "SELECT * FROM shop.items"))).isEqualTo(ErrorCode.TABLE_ACCESS_DENIED);
                assertThat(rows(alice, "SHOW DATABASES")).containsExactly(List.of("information_schema"));
                update(root, "GRANT SELECT, INSERT ON shop.* TO 'alice'@'%'");
                assertThat(value(alice, "SELECT name FROM shop.items")).isEqualTo("a");
                update(alice, "INSERT INTO shop.items VALUES (2, 'b')");
                assertThat(codeOf(() -> update(alice, "DELETE FROM shop.items"))).isEqualTo(ErrorCode.TABLE_ACCESS_DENIED);
                assertThat(codeOf(() -> value(alice, "SELECT * FROM secret.keys"))).isEqualTo(ErrorCode.TABLE_ACCESS_DENIED);
                assertThat(codeOf(() -> update(alice, "DROP TABLE shop.items"))).isEqualTo(ErrorCode.TABLE_ACCESS_DENIED);
                assertThat(codeOf(() -> update(alice, "CREATE USER bob"))).isEqualTo(ErrorCode.SPECIFIC_ACCESS_DENIED);
                assertThat(codeOf(() -> update(alice, "SET GLOBAL max_connections = 5"))).isEqualTo(ErrorCode.SPECIFIC_ACCESS_DENIED);
                assertThat(rows(alice, "SHOW DATABASES")).containsExactly(List.of("information_schema"), List.of("shop"));
                assertThat(rows(alice, "SHOW GRANTS")).extracting(r -> r.get(0)).containsExactly(
                        "GRANT USAGE ON *.* TO `alice`@`%`", "GRANT SELECT, INSERT ON `shop`.* TO `alice`@`%`");
                update(root, "REVOKE INSERT ON shop.* FROM alice");
                assertThat(codeOf(() -> update(alice, "INSERT INTO shop.items VALUES (3, 'c')")))
                        .isEqualTo(ErrorCode.TABLE_ACCESS_DENIED);
                update(alice, "SET PASSWORD = 'n3w'");
            }
            assertThat(codeOf(() -> db.session("alice", "s3cret"))).isEqualTo(ErrorCode.ACCESS_DENIED);
            db.session("alice", "n3w").close();
            update(root, "DROP USER alice");
            assertThat(codeOf(() -> db.session("alice", "n3w"))).isEqualTo(ErrorCode.ACCESS_DENIED);
        }
    }

    @Test
    void scramblesAreCheckedAgainstStoredHashes() throws Exception {
        try (LocalDatabase db = new LocalDatabase(dir); Session root = db.session()) {
            update(root, "CREATE USER carol IDENTIFIED BY 'pw'");
            byte[] salt = "01234567890123456789".getBytes(StandardCharsets.US_ASCII);
            var sessions = db.sessions();
            ClientInfo client = new ClientInfo(sessions.nextConnectionId(), "mysql", "10.0.0.1:5", "carol", null, false);
            sessions.open(client, new Credential.MysqlNativePassword(salt, nativeScramble("pw", salt))).close();
            assertThatThrownBy(() -> sessions.open(client, new Credential.MysqlNativePassword(salt, nativeScramble("no", salt))))
                    .isInstanceOf(BasaltException.class);
            // caching_sha2: the fast path needs a full login first, as in MySQL.
            assertThatThrownBy(() -> sessions.open(client, new Credential.CachingSha2Password(salt, sha2Scramble("pw", salt))))
                    .isInstanceOf(FullAuthenticationRequired.class);
            sessions.open(client, new Credential.Cleartext("pw")).close();
            sessions.open(client, new Credential.CachingSha2Password(salt, sha2Scramble("pw", salt))).close();
            assertThatThrownBy(() -> sessions.open(client, new Credential.CachingSha2Password(salt, sha2Scramble("no", salt))))
                    .isInstanceOf(BasaltException.class);
        }
    }

    @Test
    void passwordsNeverReachTheCatalogOrTheProcessList() throws Exception {
        try (LocalDatabase db = new LocalDatabase(dir); Session root = db.session()) {
            update(root, "CREATE USER dave IDENTIFIED BY 'topsecret'");
            var user = db.state().catalog().user("dave", "%");
            assertThat(user.nativeHash()).isEqualTo(PasswordHashes.nativeHash("topsecret")).doesNotContain("topsecret");
            assertThat(Redaction.redact("ALTER USER dave IDENTIFIED BY 'topsecret'")).doesNotContain("topsecret");
            assertThat(Redaction.redact("SET PASSWORD FOR dave = 'topsecret'")).doesNotContain("topsecret");
        }
    }

    private static byte[] nativeScramble(String password, byte[] salt) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(salt);
        byte[] mask = sha1.digest(stage2);
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return out;
    }

    private static byte[] sha2Scramble(String password, byte[] salt) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] stage1 = sha.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha.digest(stage1);
        sha.update(stage2);
        byte[] mask = sha.digest(salt);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return out;
    }
}
