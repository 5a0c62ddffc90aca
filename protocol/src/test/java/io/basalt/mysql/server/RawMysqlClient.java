package io.basalt.mysql.server;

import io.basalt.mysql.codec.Capabilities;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal MySQL client over a plain socket, for tests that need control over every byte. */
final class RawMysqlClient implements AutoCloseable {
    /** What a typical modern client announces. */
    static final int DEFAULT_CAPABILITIES = Capabilities.LONG_PASSWORD | Capabilities.LONG_FLAG | Capabilities.PROTOCOL_41
            | Capabilities.TRANSACTIONS | Capabilities.SECURE_CONNECTION | Capabilities.MULTI_STATEMENTS
            | Capabilities.MULTI_RESULTS | Capabilities.PLUGIN_AUTH | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA
            | Capabilities.DEPRECATE_EOF;

    /** One physical packet. */
    record Packet(int sequenceId, byte[] payload) {
        int header() {
            return payload.length == 0 ? -1 : payload[0] & 0xFF;
        }

        boolean isErr() {
            return header() == 0xFF;
        }

        boolean isOk() {
            return header() == 0x00;
        }

        /** An EOF packet or an OK packet with an EOF header (both are short). */
        boolean isEof() {
            return header() == 0xFE && payload.length < 9;
        }

        int errno() {
            return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        }

        String sqlState() {
            return new String(payload, 4, 5, StandardCharsets.US_ASCII);
        }

        String message() {
            return new String(payload, 9, payload.length - 9, StandardCharsets.UTF_8);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private byte[] salt;

    RawMysqlClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    Packet read() throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Packet(header[3] & 0xFF, payload);
    }

    void write(int sequenceId, byte[] payload) throws IOException {
        byte[] header = {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) sequenceId};
        out.write(header);
        out.write(payload);
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads the greeting, answers it as {@code user} with an empty native password (and an auth
     * switch with an empty answer), returns the reply.
     */
    Packet login(String user, int capabilities) throws IOException {
        readGreeting();
        Packet reply = respond(user, capabilities, "mysql_native_password", new byte[0]);
        if (reply.header() == 0xFE && reply.payload().length > 1) {
            // An auth switch (to the server's default plugin): an empty password is an empty answer.
            write(reply.sequenceId() + 1, new byte[0]);
            reply = read();
        }
        return reply;
    }

    /** Reads the greeting and keeps its salt; returns the greeting. */
    Packet readGreeting() throws IOException {
        Packet greeting = read();
        salt = salt(greeting.payload());
        return greeting;
    }

    /** Sends a HandshakeResponse41 computed with {@code plugin}; returns the server's reply. */
    Packet respond(String user, int capabilities, String plugin, byte[] authResponse) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        ByteBuffer fixed = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putInt(capabilities).putInt(1 << 24).put((byte) 45);
        response.write(fixed.array(), 0, 32);
        response.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        response.write(0);
        response.write(authResponse.length); // length-encoded or length-prefixed: the same below 251
        response.writeBytes(authResponse);
        response.writeBytes(plugin.getBytes(StandardCharsets.US_ASCII));
        response.write(0);
        write(1, response.toByteArray());
        return read();
    }

    void loginOk() throws IOException {
        Packet reply = login("root", DEFAULT_CAPABILITIES);
        if (!reply.isOk()) {
            throw new AssertionError("login failed: " + reply.text());
        }
    }

    byte[] salt() {
        return salt;
    }

    void command(int code, String argument) throws IOException {
        byte[] text = argument.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = (byte) code;
        System.arraycopy(text, 0, payload, 1, text.length);
        write(0, payload);
    }

    void command(int code, byte[] argument) throws IOException {
        byte[] payload = new byte[argument.length + 1];
        payload[0] = (byte) code;
        System.arraycopy(argument, 0, payload, 1, argument.length);
        write(0, payload);
    }

    /** The answer to COM_STMT_PREPARE: the prepare-OK (or ERR) and the definitions that follow. */
    record Prepared(Packet head, List<Packet> parameters, List<Packet> columns) {
        long statementId() {
            byte[] p = head.payload();
            return (p[1] & 0xFFL) | (p[2] & 0xFFL) << 8 | (p[3] & 0xFFL) << 16 | (p[4] & 0xFFL) << 24;
        }
    }

    /**
     * Sends COM_STMT_PREPARE and reads its answer; with CLIENT_DEPRECATE_EOF negotiated no EOF
     * follows the definitions.
     */
    Prepared prepare(String sql, boolean deprecateEof) throws IOException {
        command(0x16, sql);
        Packet head = read();
        if (head.isErr()) {
            return new Prepared(head, List.of(), List.of());
        }
        byte[] p = head.payload();
        int columns = (p[5] & 0xFF) | (p[6] & 0xFF) << 8;
        int parameters = (p[7] & 0xFF) | (p[8] & 0xFF) << 8;
        List<Packet> parameterPackets = readDefinitions(parameters, deprecateEof);
        List<Packet> columnPackets = readDefinitions(columns, deprecateEof);
        return new Prepared(head, parameterPackets, columnPackets);
    }

    private List<Packet> readDefinitions(int count, boolean deprecateEof) throws IOException {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(read());
        }
        if (count > 0 && !deprecateEof) {
            Packet eof = read();
            if (!eof.isEof()) {
                throw new AssertionError("expected EOF after definitions, got " + eof.text());
            }
        }
        return packets;
    }

    /** Reads packets up to and including the first EOF/OK terminator or ERR. */
    List<Packet> readUntilEnd() throws IOException {
        List<Packet> packets = new ArrayList<>();
        Packet packet;
        do {
            packet = read();
            packets.add(packet);
        } while (!packet.isEof() && !packet.isErr());
        return packets;
    }

    /** Whether the server closed the connection within the socket timeout (EOF or reset). */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream raw = socket.getInputStream();
        byte[] sink = new byte[8192];
        try {
            while (true) {
                if (raw.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException | EOFException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] salt(byte[] greeting) {
        int nul = 1;
        while (greeting[nul] != 0) {
            nul++;
        }
        int at = nul + 1 + 4;
        byte[] salt = new byte[20];
        System.arraycopy(greeting, at, salt, 0, 8);
        int part2 = at + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
        System.arraycopy(greeting, part2, salt, 8, 12);
        return salt;
    }
}
