package io.basalt.server;

import io.basalt.session.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one in-process database and one root session, opened before the
 * first test and closed after the last. A subclass's own {@code @BeforeAll} runs after this one's.
 */
public abstract class OneSessionTest {
    @TempDir
    static Path dir;
    protected static LocalDatabase db;
    protected static Session s;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = new LocalDatabase(dir);
        s = db.session();
    }

    @AfterAll
    static void closeDatabase() {
        s.close();
        db.close();
    }
}
