package io.basalt.server;

import io.basalt.session.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose every test gets a new in-process database and root session. A subclass's own
 * {@code @BeforeEach} runs after this one's, with {@link #db} and {@link #s} open.
 */
public abstract class FreshDatabaseTest {
    @TempDir
    protected Path dir;
    protected LocalDatabase db;
    protected Session s;

    @BeforeEach
    void openDatabase() throws Exception {
        db = new LocalDatabase(dir);
        s = db.session();
    }

    @AfterEach
    void closeDatabase() {
        s.close();
        db.close();
    }
}
