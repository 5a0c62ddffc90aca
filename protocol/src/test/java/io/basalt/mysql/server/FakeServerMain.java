package io.basalt.mysql.server;

import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server over the fake session for trying clients by hand:
 * {@code mysql -h127.0.0.1 -P<port> -uroot -e "select all_types"}. The port is the first argument
 * (default 0: a free port, logged at start).
 */
public final class FakeServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(FakeServerMain.class);

    private FakeServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FakeSessionFactory sessions = new FakeSessionFactory();
        MysqlServer server = new MysqlServer(MysqlServerConfig.defaults().withPort(port), sessions);
        server.start();
        LOG.info("Fake Basalt MySQL server on port {}; stop with Ctrl-C", server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}
