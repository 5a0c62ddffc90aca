package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.codec.StatusFlags;
import io.basalt.mysql.server.RawMysqlClient.Packet;
import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.mysql.server.fake.RootBatchStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protocol byte by byte: framing limits, garbage, EOF styles, commands, disconnects and back-pressure. */
class RawProtocolTest {
    private static final int MAX_PACKET = 1024 * 1024;
    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4)
                .withMaxAllowedPacket(MAX_PACKET).withConnectTimeout(Duration.ofSeconds(1)), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    // ---- connection phase ----

    @Test
    void httpRequestGetsBadHandshakeAndIsClosed() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.read();
            client.writeRaw("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Packet err = client.read();
            assertThat(err.isErr()).isTrue();
            assertThat(err.errno()).isEqualTo(1043);
            assertThat(err.sqlState()).isEqualTo("08S01");
            assertThat(err.message()).isEqualTo("Bad handshake");
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void framedGarbageGetsBadHandshakeAndIsClosed() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.read();
            client.write(1, new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0, 1, 2, 3});
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1043);
            assertThat(err.sequenceId()).isEqualTo(2);
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void randomBytesCloseOnlyThatConnection() throws Exception {
        try (RawMysqlClient healthy = new RawMysqlClient(server.port())) {
            healthy.loginOk();
            int opened = sessions.sessions().size();
            for (long seed = 1; seed <= 20; seed++) {
                byte[] garbage = new byte[4096];
                new Random(seed).nextBytes(garbage);
                try (RawMysqlClient client = new RawMysqlClient(server.port())) {
                    client.read();
                    client.writeRaw(garbage);
                    assertThat(client.closedByServer(5_000)).as("seed %d", seed).isTrue();
                }
            }
            assertThat(sessions.sessions()).hasSize(opened);
            healthy.command(CommandCodes.QUERY, "select 1");
            assertThat(healthy.readUntilEnd()).hasSize(4);
        }
    }

    @Test
    void truncatedHandshakeIsClosedAfterTheConnectTimeout() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.read();
            client.writeRaw(new byte[] {100, 0, 0, 1, 1, 2, 3});
            long start = System.nanoTime();
            assertThat(client.closedByServer(5_000)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(500L, 4_000L);
        }
    }

    @Test
    void refusedLoginGetsAccessDeniedAndIsClosed() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            Packet reply = client.login("nobody", RawMysqlClient.DEFAULT_CAPABILITIES);
            assertThat(reply.errno()).isEqualTo(1045);
            assertThat(reply.sqlState()).isEqualTo("28000");
            assertThat(reply.message()).isEqualTo("Access denied for user 'nobody'@'127.0.0.1' (using password: NO)");
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void greetingSaltIsTwentyPrintableBytes() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            assertThat(client.salt()).hasSize(20);
            for (byte b : client.salt()) {
                assertThat(b).isBetween((byte) 1, (byte) 127).isNotEqualTo((byte) '$');
            }
        }
    }

    // ---- framing limits ----

    @Test
    void packetAboveMaxAllowedPacketGetsErr1153AndOnlyThatConnectionCloses() throws Exception {
        try (RawMysqlClient healthy = new RawMysqlClient(server.port());
                RawMysqlClient client = new RawMysqlClient(server.port())) {
            healthy.loginOk();
            client.loginOk();
            byte[] query = new byte[2 * MAX_PACKET];
            Arrays.fill(query, (byte) 'x');
            query[0] = CommandCodes.QUERY;
            client.write(0, query);
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1153);
            assertThat(err.sqlState()).isEqualTo("08S01");
            assertThat(err.sequenceId()).isEqualTo(1);
            assertThat(client.closedByServer(5_000)).isTrue();

            healthy.command(CommandCodes.PING, "");
            assertThat(healthy.read().isOk()).isTrue();
        }
    }

    @Test
    void packetOfExactlyMaxAllowedPacketIsAccepted() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            byte[] query = new byte[MAX_PACKET];
            Arrays.fill(query, (byte) 'y');
            byte[] prefix = "\u0003select '".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(prefix, 0, query, 0, prefix.length);
            query[query.length - 1] = '\'';
            client.write(0, query);
            List<Packet> result = client.readUntilEnd();
            assertThat(values(result.get(2))).containsExactly(String.valueOf(MAX_PACKET - 1));
        }
    }

    @Test
    void largePacketSentRightAfterLoginIsAccepted() throws Exception {
        // Regression: the limit used to be raised from the handshake cap only after the OK was sent.
        byte[] query = new byte[600 * 1024];
        Arrays.fill(query, (byte) 'z');
        byte[] prefix = "\u0003select '".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, query, 0, prefix.length);
        query[query.length - 1] = '\'';
        for (int i = 0; i < 20; i++) {
            try (RawMysqlClient client = new RawMysqlClient(server.port())) {
                client.loginOk();
                client.write(0, query);
                List<Packet> result = client.readUntilEnd();
                assertThat(result).as("attempt %d", i).hasSize(4);
            }
        }
    }

    // ---- result sets ----

    @Test
    void clientsWithoutDeprecateEofGetClassicEofPackets() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            assertThat(client.login("root", RawMysqlClient.DEFAULT_CAPABILITIES & ~Capabilities.DEPRECATE_EOF).isOk()).isTrue();
            client.command(CommandCodes.QUERY, "select 1");
            Packet count = client.read();
            Packet column = client.read();
            Packet eof = client.read();
            Packet row = client.read();
            Packet end = client.read();
            assertThat(count.payload()).containsExactly(1);
            assertThat(column.header()).isEqualTo(3); // "def"
            assertThat(eof.payload()).containsExactly(0xFE, 0, 0, StatusFlags.AUTOCOMMIT, 0);
            assertThat(values(row)).containsExactly("1");
            assertThat(end.payload()).containsExactly(0xFE, 0, 0, StatusFlags.AUTOCOMMIT, 0);
            assertThat(List.of(count, column, eof, row, end)).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void deprecateEofClientsGetNoSeparatorAndAnOkTerminator() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select 1");
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets).hasSize(4);
            assertThat(values(packets.get(2))).containsExactly("1");
            assertThat(packets.get(3).payload()).containsExactly(0xFE, 0, 0, StatusFlags.AUTOCOMMIT, 0, 0, 0);
        }
    }

    @Test
    void columnDefinitionsDescribeTheArrowTypes() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select all_types");
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets.get(0).payload()).containsExactly(20);
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                columns.add(Column.parse(packets.get(i).payload()));
            }
            assertThat(columns).extracting(Column::type).containsExactly(
                    1, 1, 2, 3, 8, 4, 5, 246, 253, 254, 252, 253, 252, 10, 12, 12, 7, 11, 6, 8);
            assertThat(columns).extracting(Column::decimals).containsExactly(
                    0, 0, 0, 0, 0, 0x1f, 0x1f, 4, 0, 0, 0, 0, 0, 0, 0, 6, 3, 1, 0, 0);
            assertThat(columns).extracting(Column::charset).containsExactly(
                    63, 63, 63, 63, 63, 63, 63, 63, 45, 45, 45, 63, 63, 63, 63, 63, 63, 63, 63, 63);
            assertThat(columns).extracting(Column::length).containsExactly(
                    1L, 4L, 6L, 11L, 20L, 12L, 22L, 12L, 80L, 20L, 65_535L, 16L, 65_535L, 10L, 19L, 26L, 23L, 12L, 0L, 20L);
            Column id = columns.get(3);
            assertThat(id.names()).containsExactly("def", "shop", "t", "items", "c_int", "id");
            assertThat(id.flags()).isEqualTo(1 | 2 | 512 | 32768 | 128); // NOT_NULL PRI_KEY AUTO_INCREMENT NUM BINARY
            assertThat(columns.get(0).flags()).isEqualTo(32768); // BOOLEAN: NUM, no BINARY
            assertThat(columns.get(10).flags()).isEqualTo(16); // TEXT: BLOB
            assertThat(columns.get(12).flags()).isEqualTo(16 | 128); // BLOB: BLOB BINARY
            assertThat(columns.get(19).flags()).isEqualTo(32 | 32768 | 128); // UNSIGNED NUM BINARY
            assertThat(columns.get(4).names()).containsExactly("def", "", "", "", "c_big", "c_big");
        }
    }

    @Test
    void rowsCarryValuesAsMysqlPrintsThem() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select all_types");
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets).hasSize(1 + 20 + 2 + 1);
            List<String> first = values(packets.get(21));
            assertThat(first).containsExactly("1", "-128", "-32768", "1", "-9223372036854775808", "0.1", "1e20", "2.5000",
                    CannedResults.UNICODE, "ab", "long text", new String(CannedResults.BYTES, StandardCharsets.ISO_8859_1),
                    new String(CannedResults.BYTES, StandardCharsets.ISO_8859_1), "2024-02-29", "2024-02-29 13:45:30",
                    "2024-02-29 13:45:30.123456", "2024-02-29 13:45:30.123", "13:45:30.5", null, "18446744073709551615");
            List<String> second = values(packets.get(22));
            assertThat(second.get(3)).isEqualTo("2");
            assertThat(second).filteredOn(v -> v != null).hasSize(1);
        }
    }

    @Test
    void multiStatementsFlagEveryResultButTheLast() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select 1; update t");
            List<Packet> first = client.readUntilEnd();
            Packet endOfFirst = first.get(first.size() - 1);
            assertThat(status(endOfFirst) & StatusFlags.MORE_RESULTS_EXISTS).isNotZero();
            Packet ok = client.read();
            assertThat(ok.payload()).startsWith(0, 3, 42);
            assertThat(status(ok)).isEqualTo(StatusFlags.AUTOCOMMIT);
            assertThat(ok.payload()[5]).isEqualTo((byte) 1); // one warning
            assertThat(new String(ok.payload(), 8, ok.payload().length - 8, StandardCharsets.UTF_8))
                    .isEqualTo("Rows matched: 3  Changed: 3  Warnings: 1");
        }
    }

    @Test
    void multiStatementsCanBeSwitchedOffAndOn() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.SET_OPTION, new byte[] {1, 0});
            assertThat(client.read().isEof()).isTrue();
            client.command(CommandCodes.QUERY, "select 1; select 1");
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1064);
            assertThat(err.message()).contains("near 'select 1'");
            client.command(CommandCodes.SET_OPTION, new byte[] {0, 0});
            assertThat(client.read().isEof()).isTrue();
            client.command(CommandCodes.QUERY, "select 1; select 1");
            assertThat(client.readUntilEnd()).hasSize(4);
            assertThat(client.readUntilEnd()).hasSize(4);
        }
    }

    @Test
    void emptyQueryIsError1065() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, " ; ");
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1065);
            assertThat(err.message()).isEqualTo("Query was empty");
        }
    }

    @Test
    void errorAfterRowsEndsTheResultWithErr() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select fail_late");
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets).hasSize(1 + 2 + 10 + 1);
            assertThat(packets.get(packets.size() - 1).errno()).isEqualTo(1264);
            client.command(CommandCodes.PING, "");
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.QUERY, "select stream 20000 1000");
            client.command(CommandCodes.QUERY, "update t");
            client.command(CommandCodes.PING, "");
            List<Packet> stream = client.readUntilEnd();
            assertThat(stream).hasSize(1 + 2 + 20_000 + 1);
            Packet update = client.read();
            assertThat(update.payload()).startsWith(0, 3, 42);
            Packet ping = client.read();
            assertThat(ping.isOk()).isTrue();
            assertThat(ping.payload()[1]).isZero();
        }
    }

    // ---- other commands ----

    @Test
    void unknownCommandsAreRefusedAndTheConnectionStaysUsable() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(0x20, "");
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1047);
            assertThat(err.sqlState()).isEqualTo("08S01");
            client.command(CommandCodes.STMT_CLOSE, new byte[] {1, 0, 0, 0});
            client.command(CommandCodes.PING, "");
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(1);
        }
    }

    @Test
    void pingStatisticsInitDbAndFieldList() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            client.command(CommandCodes.PING, "");
            assertThat(client.read().isOk()).isTrue();

            client.command(CommandCodes.STATISTICS, "");
            assertThat(client.read().text()).matches("Uptime: \\d+  Threads: \\d+  Questions: \\d+  .*");

            client.command(CommandCodes.INIT_DB, "shop");
            assertThat(client.read().isOk()).isTrue();
            assertThat(session.database()).isEqualTo("shop");
            client.command(CommandCodes.INIT_DB, "nodb");
            assertThat(client.read().errno()).isEqualTo(1049);

            client.command(CommandCodes.FIELD_LIST, "t\0");
            List<Packet> fields = client.readUntilEnd();
            assertThat(fields).hasSize(3);
            assertThat(Column.parse(fields.get(0).payload()).names()).containsExactly("def", "shop", "t", "t", "id", "id");
            byte[] first = fields.get(0).payload();
            assertThat(first[first.length - 1]).isEqualTo((byte) 0xFB);
            client.command(CommandCodes.FIELD_LIST, "t\0na%");
            assertThat(client.readUntilEnd()).hasSize(2);
            client.command(CommandCodes.FIELD_LIST, "missing\0");
            assertThat(client.read().errno()).isEqualTo(1146);
        }
    }

    @Test
    void resetConnectionReplacesTheSessionAndKeepsTheDatabase() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession before = sessions.last();
            client.command(CommandCodes.INIT_DB, "shop");
            client.read();
            int known = sessions.sessions().size();
            client.command(CommandCodes.RESET_CONNECTION, "");
            assertThat(client.read().isOk()).isTrue();
            FakeSession after = sessions.awaitNew(known, Duration.ofSeconds(5));
            assertThat(after.client().connectionId()).isEqualTo(before.client().connectionId());
            assertThat(after.database()).isEqualTo("shop");
            assertThat(before.isClosed()).isTrue();
            client.command(CommandCodes.QUERY, "select 1");
            assertThat(client.readUntilEnd()).hasSize(4);
            assertThat(after.executed()).containsExactly("select 1");
        }
    }

    @Test
    void quitClosesTheSessionWithoutCancelling() throws Exception {
        RawMysqlClient client = new RawMysqlClient(server.port());
        client.loginOk();
        FakeSession session = sessions.last();
        client.command(CommandCodes.QUIT, "");
        assertThat(client.closedByServer(5_000)).isTrue();
        client.close();
        assertThat(session.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.cancels()).isZero();
    }

    // ---- disconnects and back-pressure ----

    @Test
    void clientClosingMidResultCancelsAndClosesTheSession() throws Exception {
        RawMysqlClient client = new RawMysqlClient(server.port());
        client.loginOk();
        FakeSession session = sessions.last();
        client.command(CommandCodes.QUERY, "select stream -1 1000");
        for (int i = 0; i < 50; i++) {
            client.read();
        }
        client.close();
        assertThat(session.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.cancels()).isPositive();
        RootBatchStream stream = session.streams().get(0);
        awaitTrue(stream::isClosed);
    }

    @Test
    void clientClosingMidQueryCancelsTheRunningStatement() throws Exception {
        RawMysqlClient client = new RawMysqlClient(server.port());
        client.loginOk();
        FakeSession session = sessions.last();
        client.command(CommandCodes.QUERY, "sleep");
        assertThat(session.awaitSleeping(5, TimeUnit.SECONDS)).isTrue();
        client.close();
        assertThat(session.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.cancels()).isPositive();
    }

    @Test
    void slowReaderPausesBatchProductionAndStillGetsEveryRow() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            client.command(CommandCodes.QUERY, "select stream 1000000 1000");
            Thread.sleep(1_500);
            RootBatchStream stream = session.streams().get(0);
            int producedWhileIdle = stream.batches();
            // ~115 KB per batch: socket buffers and the 1 MiB high-water mark hold a few dozen.
            assertThat(producedWhileIdle).isBetween(1, 300);
            Thread.sleep(300);
            assertThat(stream.batches()).isEqualTo(producedWhileIdle);

            assertThat(client.read().payload()).containsExactly(2);
            client.read();
            client.read();
            long expected = 0;
            Packet packet;
            while (!(packet = client.read()).isEof()) {
                assertThat(packet.isErr()).isFalse();
                if (expected % 99_991 == 0) {
                    assertThat(values(packet).get(0)).isEqualTo(String.valueOf(expected));
                }
                expected++;
            }
            assertThat(expected).isEqualTo(1_000_000);
            awaitTrue(stream::isClosed);
        }
    }

    // ---- helpers ----

    private static int status(Packet terminator) {
        byte[] p = terminator.payload();
        if (p.length == 5) {
            return (p[3] & 0xFF) | (p[4] & 0xFF) << 8;
        }
        int at = 1;
        at += lenencSize(p, at);
        at += lenencSize(p, at);
        return (p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8;
    }

    /** The values of a text row; null for SQL NULL; bytes decoded as UTF-8 except invalid ones as Latin-1. */
    private static List<String> values(Packet row) {
        byte[] p = row.payload();
        List<String> values = new ArrayList<>();
        int at = 0;
        while (at < p.length) {
            if ((p[at] & 0xFF) == 0xFB) {
                values.add(null);
                at++;
                continue;
            }
            long length = lenenc(p, at);
            at += lenencSize(p, at);
            byte[] value = Arrays.copyOfRange(p, at, at + (int) length);
            String utf8 = new String(value, StandardCharsets.UTF_8);
            values.add(Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), value)
                    ? utf8 : new String(value, StandardCharsets.ISO_8859_1));
            at += (int) length;
        }
        return values;
    }

    static long lenenc(byte[] p, int at) {
        int first = p[at] & 0xFF;
        if (first < 0xFB) {
            return first;
        }
        int size = lenencSize(p, at) - 1;
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) (p[at + 1 + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    static int lenencSize(byte[] p, int at) {
        switch (p[at] & 0xFF) {
            case 0xFC:
                return 3;
            case 0xFD:
                return 4;
            case 0xFE:
                return 9;
            default:
                return 1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** A parsed ColumnDefinition41. */
    record Column(List<String> names, int charset, long length, int type, int flags, int decimals) {
        static Column parse(byte[] p) {
            List<String> names = new ArrayList<>();
            int at = 0;
            for (int i = 0; i < 6; i++) {
                int length = (int) lenenc(p, at);
                at += lenencSize(p, at);
                names.add(new String(p, at, length, StandardCharsets.UTF_8));
                at += length;
            }
            at++; // length of fixed fields
            int charset = (p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8;
            long length = (p[at + 2] & 0xFFL) | (p[at + 3] & 0xFFL) << 8 | (p[at + 4] & 0xFFL) << 16 | (p[at + 5] & 0xFFL) << 24;
            int type = p[at + 6] & 0xFF;
            int flags = (p[at + 7] & 0xFF) | (p[at + 8] & 0xFF) << 8;
            int decimals = p[at + 9] & 0xFF;
            return new Column(names, charset, length, type, flags, decimals);
        }
    }

}
