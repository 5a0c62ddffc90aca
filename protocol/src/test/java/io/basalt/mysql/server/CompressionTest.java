package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.server.CommandLineClient.Run;
import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compressed protocol (CLIENT_COMPRESS) with Connector/J, the mysql CLI and byte by byte. */
class CompressionTest {
    @TempDir
    static Path certificates;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4)
                .withTls(TlsSettings.selfSigned(certificates)), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    private static Connection connect(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/?user=root&password="
                + "&useCompression=true&allowMultiQueries=true" + options);
    }

    @Test
    void connectorJRunsQueriesPreparedStatementsAndLargePacketsCompressed() throws Exception {
        for (String tls : new String[] {"&sslMode=DISABLED", "&sslMode=REQUIRED"}) {
            try (Connection connection = connect(tls + "&useServerPrepStmts=true")) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select all_types")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("c_varchar")).isEqualTo(CannedResults.UNICODE);
                    assertThat(rs.getBigDecimal("c_decimal")).isEqualTo(new BigDecimal("2.5000"));
                }
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select stream 100000 1000")) {
                    long expected = 0;
                    while (rs.next()) {
                        assertThat(rs.getLong(1)).isEqualTo(expected++);
                    }
                    assertThat(expected).isEqualTo(100_000);
                }
                try (PreparedStatement ps = connection.prepareStatement("select ?, ?")) {
                    ps.setLong(1, 42);
                    ps.setString(2, "x".repeat(70_000));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(42);
                        assertThat(rs.getString(2)).hasSize(70_000);
                    }
                }
                // Above 16 MiB the client splits both the packet and the compressed packets.
                String big = "select '" + "abcdefghij".repeat(1_800_000) + "'";
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(big)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(big.length());
                }
                assertThat(sessions.last().lastLongStatement()).isEqualTo(big);
                assertThat(sessions.last().client().secureTransport()).isEqualTo(tls.endsWith("REQUIRED"));
            }
        }
    }

    @Test
    void mysqlCliWithCompress() throws Exception {
        CommandLineClient mysql = CommandLineClient.find("mysql");
        for (String tls : new String[] {"--ssl=0", "--ssl"}) {
            Run run = mysql.run(server.port(), "-uroot", "--compress", tls, "--batch", "-e",
                    "select all_types; select stream 20000 500");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            String[] lines = run.stdout().split("\n");
            assertThat(lines).hasSize(3 + 1 + 20_000);
            assertThat(lines[1].split("\t")[8]).isEqualTo(CannedResults.UNICODE);
            assertThat(lines[lines.length - 1]).startsWith("19999\t");
        }
    }

    @Test
    void compressedFramingBytes() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] greeting = readPacket(in);
            assertThat(greeting[0]).isEqualTo((byte) 10);
            ByteBuffer response = ByteBuffer.allocate(32 + 5 + 2 + 22).order(ByteOrder.LITTLE_ENDIAN);
            response.putInt(RawMysqlClient.DEFAULT_CAPABILITIES | Capabilities.COMPRESS).putInt(1 << 24).put((byte) 45);
            response.position(32);
            response.put("root\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
            response.put("caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
            writePacket(out, 1, response.array());
            byte[] ok = readPacket(in);
            assertThat(ok[0]).as("the OK after login is not compressed yet").isZero();

            // COM_QUERY in a compressed packet with sequence 0, stored uncompressed (short).
            byte[] query = packet(0, "\u0003select stream 3000 1000".getBytes(StandardCharsets.US_ASCII));
            out.write(compressedHeader(query.length, 0, 0));
            out.write(query);
            out.flush();

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int expectedSequence = 1;
            boolean sawCompressed = false;
            while (!endsWithTerminator(stream.toByteArray())) {
                byte[] header = new byte[7];
                in.readFully(header);
                int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
                int sequence = header[3] & 0xFF;
                int uncompressed = (header[4] & 0xFF) | (header[5] & 0xFF) << 8 | (header[6] & 0xFF) << 16;
                assertThat(sequence).isEqualTo(expectedSequence++);
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (uncompressed == 0) {
                    stream.writeBytes(payload);
                } else {
                    sawCompressed = true;
                    Inflater inflater = new Inflater();
                    inflater.setInput(payload);
                    byte[] inflated = new byte[uncompressed];
                    assertThat(inflater.inflate(inflated)).isEqualTo(uncompressed);
                    inflater.end();
                    stream.writeBytes(inflated);
                }
            }
            assertThat(sawCompressed).as("rows are compressed").isTrue();
            assertThat(countPackets(stream.toByteArray())).isEqualTo(1 + 2 + 3000 + 1);

            // The next command restarts the compressed sequence: a short answer goes out stored.
            byte[] ping = packet(0, new byte[] {0x0E});
            out.write(compressedHeader(ping.length, 0, 0));
            out.write(ping);
            out.flush();
            byte[] header = new byte[7];
            in.readFully(header);
            assertThat(header[3]).isEqualTo((byte) 1);
            assertThat(header[4] | header[5] | header[6]).isZero();
            byte[] pong = new byte[(header[0] & 0xFF)];
            in.readFully(pong);
            assertThat(pong[4]).as("OK").isZero();
        }
    }

    private static boolean endsWithTerminator(byte[] stream) {
        int at = 0;
        boolean last = false;
        while (at + 4 <= stream.length) {
            int length = (stream[at] & 0xFF) | (stream[at + 1] & 0xFF) << 8 | (stream[at + 2] & 0xFF) << 16;
            if (at + 4 + length > stream.length) {
                return false;
            }
            last = length > 0 && length < 9 && (stream[at + 4] & 0xFF) == 0xFE;
            at += 4 + length;
        }
        return last && at == stream.length;
    }

    private static int countPackets(byte[] stream) {
        int at = 0;
        int count = 0;
        while (at < stream.length) {
            int length = (stream[at] & 0xFF) | (stream[at + 1] & 0xFF) << 8 | (stream[at + 2] & 0xFF) << 16;
            at += 4 + length;
            count++;
        }
        return count;
    }

    private static byte[] packet(int sequence, byte[] payload) {
        ByteBuffer packet = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        packet.put((byte) payload.length).put((byte) (payload.length >> 8)).put((byte) (payload.length >> 16)).put((byte) sequence);
        return packet.put(payload).array();
    }

    private static byte[] compressedHeader(int length, int sequence, int uncompressed) {
        return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequence,
            (byte) uncompressed, (byte) (uncompressed >> 8), (byte) (uncompressed >> 16)};
    }

    private static void writePacket(OutputStream out, int sequence, byte[] payload) throws Exception {
        out.write(packet(sequence, payload));
        out.flush();
    }

    private static byte[] readPacket(DataInputStream in) throws Exception {
        byte[] header = new byte[4];
        in.readFully(header);
        byte[] payload = new byte[(header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16];
        in.readFully(payload);
        return payload;
    }
}
