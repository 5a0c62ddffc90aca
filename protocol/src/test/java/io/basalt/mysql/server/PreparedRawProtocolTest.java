package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.codec.StatusFlags;
import io.basalt.mysql.server.RawMysqlClient.Packet;
import io.basalt.mysql.server.RawMysqlClient.Prepared;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prepared-statement commands byte by byte, including the malformed ones a real driver never sends. */
class PreparedRawProtocolTest {
    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(2), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.sessions()).allMatch(s -> s.openStatements() == 0);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    // ---- COM_STMT_PREPARE ----

    @Test
    void prepareAnswersWithIdCountsAndDefinitions() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            Prepared first = client.prepare("insert into t values (?, ?)", true);
            assertThat(first.head().payload()).hasSize(12);
            assertThat(first.head().payload()[0]).isZero();
            assertThat(first.statementId()).isEqualTo(1);
            assertThat(first.parameters()).hasSize(2);
            assertThat(first.columns()).isEmpty();
            RawProtocolTest.Column parameter = RawProtocolTest.Column.parse(first.parameters().get(0).payload());
            assertThat(parameter.names()).containsExactly("def", "", "", "", "?", "");
            assertThat(parameter.type()).isEqualTo(253);

            Prepared second = client.prepare("select all_types", true);
            assertThat(second.statementId()).isEqualTo(2);
            assertThat(second.parameters()).isEmpty();
            assertThat(second.columns()).hasSize(20);
            assertThat(RawProtocolTest.Column.parse(second.columns().get(3).payload()).names())
                    .containsExactly("def", "shop", "t", "items", "c_int", "id");
            assertThat(List.of(first.head(), second.head())).extracting(Packet::sequenceId).containsExactly(1, 1);

            Prepared failed = client.prepare("select missing", true);
            assertThat(failed.head().errno()).isEqualTo(1146);
            client.command(CommandCodes.STMT_CLOSE, le(1));
            client.command(CommandCodes.STMT_CLOSE, le(2));
            ping(client);
            assertThat(sessions.last().openStatements()).isZero();
        }
    }

    @Test
    void clientsWithoutDeprecateEofGetEofAfterEachDefinitionBlock() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            assertThat(client.login("root", RawMysqlClient.DEFAULT_CAPABILITIES & ~Capabilities.DEPRECATE_EOF).isOk()).isTrue();
            Prepared prepared = client.prepare("select ?, ?", false);
            assertThat(prepared.parameters()).hasSize(2);
            assertThat(prepared.columns()).hasSize(2);
            client.command(CommandCodes.STMT_EXECUTE, execute(prepared.statementId(), 0,
                    parameters(2, new int[] {0xFE, 0xFE}, lenenc("a"), lenenc("b"))));
            Packet count = client.read();
            assertThat(count.payload()).containsExactly(2);
            client.read();
            client.read();
            assertThat(client.read().isEof()).isTrue();
            Packet row = client.read();
            assertThat(row.payload()).containsExactly(0, 0, 1, 'a', 1, 'b');
            Packet end = client.read();
            assertThat(end.payload()).containsExactly(0xFE, 0, 0, StatusFlags.AUTOCOMMIT, 0);
        }
    }

    // ---- COM_STMT_EXECUTE: parameters ----

    @Test
    void binaryParametersOfEveryTypeAreDecoded() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            Prepared prepared = client.prepare("insert into t values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", true);
            int[] types = {
                0x01, 0x8001, 0x02, 0x0D, 0x09, 0x8003, 0x8008, 0x04, 0xF6, 0x0F, 0xFC, 0x0A, 0x0C, 0x07, 0x0B, 0x0B,
            };
            byte[] values = concat(
                    new byte[] {(byte) 0xFF}, // TINY -1
                    new byte[] {(byte) 0xFF}, // TINY UNSIGNED 255
                    le16(-2), // SHORT
                    le16(2024), // YEAR
                    le32(-3), // INT24
                    le32(-1), // LONG UNSIGNED 4294967295
                    le64(-1), // LONGLONG UNSIGNED
                    ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(2.5f).array(),
                    lenenc("-0.001"), // NEWDECIMAL
                    lenenc("x\u00e9"), // VARCHAR
                    new byte[] {2, 0, (byte) 0xFF}, // BLOB
                    new byte[] {4, (byte) 0xE8, 0x07, 2, 29}, // DATE 2024-02-29
                    new byte[] {11, (byte) 0xE8, 0x07, 2, 29, 13, 45, 30, 0x40, (byte) 0xE2, 0x01, 0}, // DATETIME .123456
                    new byte[] {0}, // TIMESTAMP zero
                    new byte[] {8, 0, 0, 0, 0, 0, 1, 2, 3}, // TIME 01:02:03
                    new byte[] {12, 1, 1, 0, 0, 0, 2, 0, 0, 0x20, (byte) 0xA1, 0x07, 0}); // TIME -26:00:00.500000
            client.command(CommandCodes.STMT_EXECUTE, execute(prepared.statementId(), 0, parameters(16, types, values)));
            Packet ok = client.read();
            assertThat(ok.isOk()).as(ok.text()).isTrue();
            assertThat(session.bound().get(0)).containsExactly(-1L, 255L, -2L, 2024L, -3L, 4_294_967_295L,
                    new BigDecimal("18446744073709551615"), 2.5, new BigDecimal("-0.001"), "x\u00e9",
                    new byte[] {0, (byte) 0xFF}, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000),
                    "0000-00-00 00:00:00", Duration.ofSeconds(3723), Duration.ofHours(26).plusMillis(500).negated());
        }
    }

    @Test
    void nullBitmapTypesReuseAndSkippedNullValues() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            long id = client.prepare("insert into t values (?, ?, ?, ?, ?, ?, ?, ?, ?)", true).statementId();
            int[] types = {8, 8, 8, 8, 8, 8, 8, 8, 6};
            // Parameters 2 and 8 (bits 1 and 7) and 9 (second bitmap byte) are NULL: no value bytes.
            byte[] block = concat(new byte[] {(byte) 0x82, 0x01, 1}, typeBytes(types),
                    le64(1), le64(3), le64(4), le64(5), le64(6), le64(7));
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, block));
            assertThat(client.read().isOk()).isTrue();
            assertThat(session.bound().get(0)).containsExactly(1L, null, 3L, 4L, 5L, 6L, 7L, null, null);
            // Same types again without sending them (new-params-bound flag 0).
            byte[] again = concat(new byte[] {0, 0, 0}, le64(10), le64(11), le64(12), le64(13), le64(14), le64(15),
                    le64(16), le64(17));
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, again));
            Packet reply = client.read();
            // Parameter 9 is of type NULL: it has no value bytes even when its NULL bit is clear.
            assertThat(reply.isOk()).as(reply.text()).isTrue();
            assertThat(session.bound().get(1)).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, null);
        }
    }

    @Test
    void longDataIsAccumulatedPerParameterAndResetClearsIt() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            long id = client.prepare("insert into t values (?, ?)", true).statementId();
            client.command(CommandCodes.STMT_SEND_LONG_DATA, concat(le(id), le16(1), "hello ".getBytes(StandardCharsets.UTF_8)));
            client.command(CommandCodes.STMT_SEND_LONG_DATA, concat(le(id), le16(1), "world".getBytes(StandardCharsets.UTF_8)));
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, parameters(2, new int[] {8, 0xFC}, le64(5))));
            Packet ok = client.read();
            assertThat(ok.isOk()).as(ok.text()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(1);
            assertThat(session.bound().get(0)).containsExactly(5L, "hello world".getBytes(StandardCharsets.UTF_8));

            client.command(CommandCodes.STMT_SEND_LONG_DATA, concat(le(id), le16(1), "dropped".getBytes(StandardCharsets.UTF_8)));
            client.command(CommandCodes.STMT_RESET, le(id));
            assertThat(client.read().isOk()).isTrue();
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, parameters(2, new int[] {8, 0xFD}, le64(6), lenenc("inline"))));
            assertThat(client.read().isOk()).isTrue();
            assertThat(session.bound().get(1)).containsExactly(6L, "inline");

            // Long data for a parameter that does not exist is reported by the next execute.
            client.command(CommandCodes.STMT_SEND_LONG_DATA, concat(le(id), le16(7), new byte[] {1}));
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, parameters(2, new int[] {8, 0xFD}, le64(6), lenenc("x"))));
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1210);
            assertThat(err.message()).contains("mysqld_stmt_send_long_data");
            assertThat(session.bound()).hasSize(2);
            ping(client);
        }
    }

    // ---- malformed and unknown ----

    @Test
    void unknownStatementIdsAreErr1243AndTheConnectionStaysUsable() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.STMT_EXECUTE, execute(42, 0, new byte[0]));
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1243);
            assertThat(err.sqlState()).isEqualTo("HY000");
            assertThat(err.message()).isEqualTo("Unknown prepared statement handler (42) given to mysqld_stmt_execute");
            client.command(CommandCodes.STMT_RESET, le(42));
            assertThat(client.read().errno()).isEqualTo(1243);
            client.command(CommandCodes.STMT_FETCH, concat(le(42), le(10)));
            assertThat(client.read().errno()).isEqualTo(1243);
            // Neither of these is ever answered, not even with an error.
            client.command(CommandCodes.STMT_CLOSE, le(42));
            client.command(CommandCodes.STMT_SEND_LONG_DATA, concat(le(42), le16(0), new byte[] {1}));
            ping(client);
        }
    }

    @Test
    void malformedExecutePacketsAreErr1210AndTheConnectionStaysUsable() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            long id = client.prepare("insert into t values (?, ?)", true).statementId();
            byte[] good = parameters(2, new int[] {8, 8}, le64(1), le64(2));
            List<byte[]> malformed = List.of(
                    new byte[] {1, 0}, // truncated statement id
                    Arrays.copyOf(execute(id, 0, good), 7), // truncated head
                    execute(id, 0, new byte[0]), // no parameter block
                    execute(id, 0, Arrays.copyOf(good, good.length - 3)), // truncated value
                    execute(id, 0, parameters(1, new int[] {8}, le64(1))), // block for one parameter only
                    execute(id, 0, concat(good, le64(3))), // a third value
                    execute(id, 0, parameters(2, new int[] {8, 0x77}, le64(1), le64(2))), // unknown type
                    execute(id, 0, parameters(2, new int[] {8, 0x0A}, le64(1), new byte[] {9, 1, 2, 3, 4, 5, 6, 7, 8, 9})),
                    concat(Arrays.copyOf(execute(id, 0x08, new byte[0]), 9), new byte[] {3}, good)); // parameter count 3
            for (byte[] payload : malformed) {
                client.command(CommandCodes.STMT_EXECUTE, payload);
                Packet err = client.read();
                assertThat(err.isErr()).as("reply to %s", Arrays.toString(payload)).isTrue();
                assertThat(err.errno()).as("reply to %s", Arrays.toString(payload)).isIn(1210, 1243);
            }
            // A statement whose types were never bound cannot be executed without types.
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, concat(new byte[] {0, 0}, le64(1), le64(2))));
            assertThat(client.read().message()).contains("no parameter types were bound");
            assertThat(session.bound()).isEmpty();

            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, good));
            assertThat(client.read().isOk()).isTrue();
            assertThat(session.bound()).containsExactly(List.of(1L, 2L));
            client.command(CommandCodes.QUERY, "select 1");
            assertThat(client.readUntilEnd()).hasSize(4);
        }
    }

    @Test
    void mariadbsLastPreparedStatementIdExecutesTheNewestStatement() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.prepare("select all_types", true);
            long id = client.prepare("select 1", true).statementId();
            client.command(CommandCodes.STMT_EXECUTE, execute(0xFFFF_FFFFL, 0, new byte[0]));
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets).hasSize(4);
            assertThat(packets.get(2).payload()).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
            client.command(CommandCodes.STMT_CLOSE, le(id));
            ping(client);
        }
    }

    // ---- results and cursors ----

    @Test
    void errorAfterBinaryRowsEndsTheResultWithErr() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            Prepared prepared = client.prepare("select fail_late", true);
            assertThat(prepared.columns()).hasSize(2);
            client.command(CommandCodes.STMT_EXECUTE, execute(prepared.statementId(), 0, new byte[0]));
            List<Packet> packets = client.readUntilEnd();
            assertThat(packets).hasSize(1 + 2 + 10 + 1);
            assertThat(packets.get(3).payload()[0]).isZero();
            assertThat(packets.get(packets.size() - 1).errno()).isEqualTo(1264);
            ping(client);
        }
    }

    @Test
    void cursorSendsColumnsThenFetchedRowsUntilTheLastRowIsSent() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession session = sessions.last();
            long id = client.prepare("select stream 5 2", true).statementId();
            client.command(CommandCodes.STMT_FETCH, concat(le(id), le(2)));
            RawMysqlClient.Packet noCursor = client.read();
            assertThat(noCursor.errno()).isEqualTo(1421);
            assertThat(noCursor.message()).isEqualTo("The statement (" + id + ") has no open cursor.");

            client.command(CommandCodes.STMT_EXECUTE, execute(id, 1, new byte[0]));
            assertThat(client.read().payload()).containsExactly(2);
            client.read();
            client.read();
            Packet opened = client.read();
            assertThat(opened.isEof()).isTrue();
            assertThat(status(opened)).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.CURSOR_EXISTS);

            client.command(CommandCodes.STMT_FETCH, concat(le(id), le(3)));
            List<Packet> first = client.readUntilEnd();
            assertThat(first).hasSize(4);
            assertThat(first.get(0).payload()[2]).isZero(); // id 0 in the first value byte
            assertThat(status(first.get(3))).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.CURSOR_EXISTS);
            assertThat(first.get(3).sequenceId()).isEqualTo(4);

            client.command(CommandCodes.STMT_FETCH, concat(le(id), le(3)));
            List<Packet> second = client.readUntilEnd();
            assertThat(second).hasSize(3);
            assertThat(second.get(0).payload()[2]).isEqualTo((byte) 3);
            assertThat(status(second.get(2)))
                    .isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.CURSOR_EXISTS | StatusFlags.LAST_ROW_SENT);
            assertThat(session.streams().get(session.streams().size() - 1).isClosed()).isTrue();

            client.command(CommandCodes.STMT_FETCH, concat(le(id), le(3)));
            assertThat(client.read().errno()).isEqualTo(1421);
        }
    }

    @Test
    void closingAConnectionWithAnOpenCursorReleasesIt() throws Exception {
        RawMysqlClient client = new RawMysqlClient(server.port());
        client.loginOk();
        FakeSession session = sessions.last();
        long id = client.prepare("select stream -1 100", true).statementId();
        client.command(CommandCodes.STMT_EXECUTE, execute(id, 1, new byte[0]));
        client.readUntilEnd();
        client.command(CommandCodes.STMT_FETCH, concat(le(id), le(150)));
        assertThat(client.readUntilEnd()).hasSize(151);
        client.close();
        assertThat(session.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.streams().get(session.streams().size() - 1).isClosed()).isTrue();
        assertThat(session.openStatements()).isZero();
    }

    @Test
    void resetConnectionClosesPreparedStatements() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession before = sessions.last();
            long id = client.prepare("select 1", true).statementId();
            client.command(CommandCodes.RESET_CONNECTION, "");
            assertThat(client.read().isOk()).isTrue();
            assertThat(before.openStatements()).isZero();
            client.command(CommandCodes.STMT_EXECUTE, execute(id, 0, new byte[0]));
            assertThat(client.read().errno()).isEqualTo(1243);
        }
    }

    // ---- helpers ----

    private static void ping(RawMysqlClient client) throws Exception {
        client.command(CommandCodes.PING, "");
        Packet ok = client.read();
        assertThat(ok.isOk()).as(ok.text()).isTrue();
        assertThat(ok.sequenceId()).isEqualTo(1);
    }

    private static int status(Packet terminator) {
        byte[] p = terminator.payload();
        if (p.length == 5) {
            return (p[3] & 0xFF) | (p[4] & 0xFF) << 8;
        }
        return (p[3] & 0xFF) | (p[4] & 0xFF) << 8; // 0xFE, 0 affected rows, 0 insert id, status
    }

    static byte[] execute(long statementId, int flags, byte[] parameterBlock) {
        return concat(le(statementId), new byte[] {(byte) flags}, le(1), parameterBlock);
    }

    /** A parameter block with no NULLs and types sent. */
    static byte[] parameters(int count, int[] types, byte[]... values) {
        return concat(new byte[(count + 7) / 8], new byte[] {1}, typeBytes(types), concat(values));
    }

    private static byte[] typeBytes(int[] types) {
        ByteBuffer buffer = ByteBuffer.allocate(types.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int type : types) {
            buffer.putShort((short) type);
        }
        return buffer.array();
    }

    static byte[] lenenc(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) bytes.length}, bytes);
    }

    static byte[] le(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    private static byte[] le16(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] le64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
