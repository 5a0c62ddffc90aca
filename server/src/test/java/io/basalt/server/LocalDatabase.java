package io.basalt.server;

import io.basalt.server.command.CommandCodec;
import io.basalt.server.config.NodeConfig;
import io.basalt.server.session.Proposer;
import io.basalt.server.session.SessionManager;
import io.basalt.server.session.SessionRegistry;
import io.basalt.server.session.SessionServices;
import io.basalt.server.state.ApplyResult;
import io.basalt.server.state.DatabaseState;
import io.basalt.session.BatchStream;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.basalt.storage.StorageOptions;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An in-process database for unit tests: the real state machine and sessions, with commands
 * applied directly in order instead of through Raft.
 */
public final class LocalDatabase implements AutoCloseable {
    private final BufferAllocator allocator = new RootAllocator();
    private final DatabaseState state;
    private final SessionManager sessions;
    private long index;

    public LocalDatabase(Path dir) throws Exception {
        state = DatabaseState.open(dir, allocator, StorageOptions.defaults(), "8.0.33-basalt-test");
        Proposer proposer = (command, payload) -> {
            synchronized (this) {
                Object r = state.apply(++index, ByteBuffer.wrap(CommandCodec.encode(command, payload)));
                return (ApplyResult) r;
            }
        };
        SessionServices services = new SessionServices(state, proposer, new SessionRegistry(), new NodeConfig(),
                allocator, "8.0.33-basalt-test", io.basalt.server.session.Cluster.single(List::of));
        sessions = new SessionManager(services);
    }

    public DatabaseState state() {
        return state;
    }

    public Session session() {
        return session("root", "");
    }

    /** A session of {@code user}, authenticated with the password in clear. */
    public Session session(String user, String password) {
        return sessions.open(new ClientInfo(sessions.nextConnectionId(), "mysql", "127.0.0.1:1", user, null, false),
                new Credential.Cleartext(password));
    }

    public SessionManager sessions() {
        return sessions;
    }

    /** Runs statements and returns the last one's rows as text (MySQL's text rendering), NULL as null. */
    public static List<List<String>> rows(Session s, String sql) {
        QueryResult last = null;
        for (String stmt : s.splitStatements(sql)) {
            if (last != null) {
                last.close();
            }
            last = s.execute(stmt);
        }
        try (QueryResult r = last) {
            List<List<String>> out = new ArrayList<>();
            if (!(r instanceof QueryResult.Rows rows)) {
                return out;
            }
            BatchStream stream = rows.stream();
            while (stream.next()) {
                List<FieldVector> vectors = stream.root().getFieldVectors();
                for (int i = 0; i < stream.root().getRowCount(); i++) {
                    List<String> row = new ArrayList<>();
                    for (FieldVector v : vectors) {
                        row.add(TextValues.of(v, i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** The single value of a one-row, one-column query. */
    public static String value(Session s, String sql) {
        List<List<String>> r = rows(s, sql);
        if (r.size() != 1 || r.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + r);
        }
        return r.get(0).get(0);
    }

    /** Executes a statement that returns no rows and returns its affected-row count. */
    public static long update(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            return r instanceof QueryResult.UpdateCount u ? u.affectedRows() : -1;
        }
    }

    @Override
    public void close() {
        state.close();
        allocator.close();
    }
}
