package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.ChangeUserRequest;
import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.codec.MalformedPacketException;
import io.basalt.mysql.codec.MysqlPacket;
import io.basalt.mysql.codec.OversizedPacket;
import io.basalt.mysql.codec.PacketDecoder;
import io.basalt.mysql.compress.CompressedPacketDecoder;
import io.basalt.mysql.compress.CompressedPacketEncoder;
import io.basalt.mysql.compress.CompressionSequence;
import io.basalt.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection from greeting to close. The event loop only hands events over; every step
 * runs on the connection's {@link SerialExecutor}, so session calls never block an event loop and a
 * connection's commands run one at a time, in order.
 */
final class MysqlConnection {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlConnection.class);

    private static final long CANCEL_GRACE_MILLIS = 50;

    private enum Phase { NEW, AUTHENTICATING, COMMANDS, CHANGING_USER, CLOSING, CLOSED }

    private final Channel channel;
    private final PacketDecoder decoder;
    private final ServerContext server;
    private final SerialExecutor serial;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;

    // Confined to the serial executor.
    private final Deque<MysqlPacket> backlog = new ArrayDeque<>();
    private Phase phase = Phase.NEW;
    private Authentication authentication;
    private CommandDispatcher commands;
    private PendingCommand pending;

    // Read by the event loop.
    private volatile boolean authenticated;
    private volatile Session session;
    private volatile boolean commandRunning;

    MysqlConnection(Channel channel, PacketDecoder decoder, ServerContext server) {
        this.channel = channel;
        this.decoder = decoder;
        this.server = server;
        this.serial = new SerialExecutor(server.workers());
        this.out = new PacketChannelWriter(channel);
        this.responses = new ResponseWriter(out);
        server.connections().opened();
    }

    // ---- events from the event loop ----

    void start() {
        serial.execute(this::greet);
    }

    void receive(MysqlPacket packet) {
        serial.execute(() -> onPacket(packet));
    }

    void oversized(OversizedPacket packet) {
        serial.execute(() -> onOversized(packet));
    }

    /** The client sent an SSL request; the channel now speaks TLS. */
    void tlsRequested() {
        serial.execute(() -> {
            if (phase == Phase.AUTHENTICATING) {
                authentication.tlsEstablished();
            }
        });
    }

    void writable() {
        serial.execute(this::resume);
    }

    void disconnected() {
        Session current = session;
        if (current != null && commandRunning) {
            // The worker may be blocked inside the statement; only a cancel gets it out. A client
            // that quits right after reading an answer can see the command still finishing, so the
            // cancel waits a moment and is skipped when the command ended meanwhile.
            channel.eventLoop().schedule(() -> {
                if (commandRunning && session == current) {
                    server.cancels().execute(current::cancel);
                }
            }, CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
        serial.execute(this::cleanup);
    }

    boolean authenticated() {
        return authenticated;
    }

    // ---- steps on the serial executor ----

    private void greet() {
        if (phase != Phase.NEW) {
            return;
        }
        phase = Phase.AUTHENTICATING;
        authentication = new Authentication(channel, server, out, responses);
        try {
            authentication.greet();
        } catch (RuntimeException e) {
            LOG.warn("Greeting {} failed", Authentication.address(channel.remoteAddress()), e);
            phase = Phase.CLOSING;
            channel.close();
        }
    }

    private void onPacket(MysqlPacket packet) {
        switch (phase) {
            case AUTHENTICATING:
                try {
                    authenticate(packet);
                } finally {
                    packet.release();
                }
                break;
            case CHANGING_USER:
                try {
                    if (authentication.onPacket(packet)) {
                        finishChangeUser();
                    }
                } finally {
                    packet.release();
                }
                break;
            case COMMANDS:
                if (pending != null || !backlog.isEmpty()) {
                    // Only a pipelining client sends before the previous answer is complete; stop
                    // reading from it until the backlog is worked off, so the backlog stays small.
                    backlog.add(packet);
                    channel.config().setAutoRead(false);
                    return;
                }
                runCommand(packet);
                drainBacklog();
                break;
            default:
                packet.release();
                break;
        }
    }

    private void authenticate(MysqlPacket packet) {
        if (!authentication.onPacket(packet)) {
            return;
        }
        Session opened = authentication.session();
        if (opened == null) {
            phase = Phase.CLOSING;
            return;
        }
        // Everything the client may rely on once it reads the OK is in place before it is sent.
        session = opened;
        opened.attachDisconnect(channel::close);
        authenticated = true;
        decoder.maxPayload(server.config().maxAllowedPacket());
        commands = newDispatcher(opened);
        phase = Phase.COMMANDS;
        try {
            responses.ok(0, 0, SessionStatus.flags(opened, false), 0, null);
        } catch (RuntimeException e) {
            out.abandon();
            responses.error(UserErrors.translate(e, "Authentication", opened.connectionId()));
        }
        boolean compress = Capabilities.has(authentication.negotiatedCapabilities(), Capabilities.COMPRESS);
        if (compress) {
            // The OK itself goes out uncompressed; everything after it is compressed both ways.
            out.flushThen(this::enableCompression);
        } else {
            out.flush();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Connection {} from {} logged in as {}{}{}", opened.connectionId(),
                    Authentication.address(channel.remoteAddress()), opened.user(),
                    authentication.secure() ? " over TLS" : "", compress ? " with compression" : "");
        }
    }

    // Runs on the event loop: no packet passes while the pipeline changes.
    private void enableCompression() {
        CompressionSequence sequence = new CompressionSequence();
        channel.pipeline()
                .addBefore(MysqlChannelInitializer.PACKETS, "decompress", new CompressedPacketDecoder(sequence))
                .addBefore(MysqlChannelInitializer.PACKETS, "compress", new CompressedPacketEncoder(sequence));
    }

    // COM_CHANGE_USER: authenticate again, as another user; the old session lives until that succeeds.
    private void changeUser(ByteBuf payload, int sequenceId) {
        ChangeUserRequest request;
        try {
            request = ChangeUserRequest.parse(payload, authentication.negotiatedCapabilities());
        } catch (MalformedPacketException e) {
            responses.error(new BasaltException(ErrorCode.UNKNOWN_COMMAND, "Malformed communication packet"));
            out.flush();
            return;
        }
        phase = Phase.CHANGING_USER;
        if (authentication.changeUser(request, sequenceId)) {
            finishChangeUser();
        }
    }

    private void finishChangeUser() {
        Session fresh = authentication.session();
        if (fresh == null) {
            // Refused: the ERR is written and the connection closes, as after a failed login.
            phase = Phase.CLOSING;
            return;
        }
        Session old = session;
        session = fresh;
        fresh.attachDisconnect(channel::close);
        closeQuietly(commands);
        commands = newDispatcher(fresh);
        closeQuietly(old);
        phase = Phase.COMMANDS;
        responses.ok(0, 0, SessionStatus.flags(fresh, false), 0, null);
        out.flush();
        LOG.debug("Connection {} changed user to {}", fresh.connectionId(), fresh.user());
    }

    private void runCommand(MysqlPacket packet) {
        try {
            ByteBuf payload = packet.payload();
            out.sequenceId(packet.sequenceId() + 1);
            int command = payload.isReadable() ? payload.readUnsignedByte() : -1;
            switch (command) {
                case CommandCodes.QUIT:
                    phase = Phase.CLOSING;
                    channel.close();
                    break;
                case CommandCodes.RESET_CONNECTION:
                    resetSession();
                    break;
                case CommandCodes.CHANGE_USER:
                    changeUser(payload, packet.sequenceId());
                    break;
                default:
                    commandRunning = true;
                    try {
                        pending = commands.dispatch(command, payload);
                    } catch (Error e) {
                        // Errors are answered with ERR packets below this; an Error (a class that cannot be
                        // loaded, memory exhausted) leaves the command half done: end the connection rather
                        // than leave its client waiting for an answer that will never come.
                        Session current = session;
                        LOG.error("connection {}: command {} failed with {}; closing the connection",
                                current == null ? "?" : current.connectionId(), command, e.toString(), e);
                        phase = Phase.CLOSING;
                        channel.close();
                        throw e;
                    } finally {
                        commandRunning = false;
                    }
                    break;
            }
        } finally {
            packet.release();
        }
    }

    private void resume() {
        if (pending == null || phase != Phase.COMMANDS || !channel.isWritable()) {
            return;
        }
        commandRunning = true;
        try {
            if (pending.resume()) {
                pending = null;
            }
        } finally {
            commandRunning = false;
        }
        drainBacklog();
    }

    private void drainBacklog() {
        MysqlPacket next;
        while (pending == null && phase == Phase.COMMANDS && (next = backlog.poll()) != null) {
            runCommand(next);
        }
        if (backlog.isEmpty() && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    private void onOversized(OversizedPacket packet) {
        if (phase == Phase.AUTHENTICATING || phase == Phase.COMMANDS || phase == Phase.CHANGING_USER) {
            boolean midResult = pending != null;
            phase = Phase.CLOSING;
            if (midResult) {
                channel.close();
                return;
            }
            out.sequenceId(packet.sequenceId() + 1);
            responses.error(authenticated
                    ? new BasaltException(ErrorCode.PACKET_TOO_LARGE, "Got a packet bigger than 'max_allowed_packet' bytes")
                    : new BasaltException(ErrorCode.BAD_HANDSHAKE, "Bad handshake"));
            out.write();
            ConnectionCloser.closeAfterFlush(channel);
        }
    }

    // COM_RESET_CONNECTION: a fresh session for the same login, in the same database.
    private void resetSession() {
        Session old = session;
        Session fresh;
        try {
            fresh = authentication.reopen(old.database());
        } catch (RuntimeException e) {
            responses.error(UserErrors.translate(e, "COM_RESET_CONNECTION", old.connectionId()));
            out.flush();
            return;
        }
        session = fresh;
        fresh.attachDisconnect(channel::close);
        // MySQL drops prepared statements on reset; they belong to the old session anyway.
        closeQuietly(commands);
        commands = newDispatcher(fresh);
        closeQuietly(old);
        responses.ok(0, 0, SessionStatus.flags(fresh, false), 0, null);
        out.flush();
    }

    private void cleanup() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        try {
            release();
        } finally {
            server.connections().closed();
        }
    }

    private void release() {
        Session current = session;
        session = null;
        if (pending != null) {
            // Closed mid-result: stop the statement before releasing its batches.
            if (current != null) {
                cancelQuietly(current);
            }
            pending.abort();
            pending = null;
        }
        MysqlPacket queued;
        while ((queued = backlog.poll()) != null) {
            queued.release();
        }
        out.discard();
        if (commands != null) {
            closeQuietly(commands);
            commands = null;
        }
        if (current != null) {
            closeQuietly(current);
            LOG.debug("Connection {} closed", current.connectionId());
        }
    }

    private CommandDispatcher newDispatcher(Session current) {
        return new CommandDispatcher(current, authentication.negotiatedCapabilities(), channel, out, responses,
                server.statistics(), server.config().maxAllowedPacket());
    }

    private static void cancelQuietly(Session current) {
        try {
            current.cancel();
        } catch (RuntimeException e) {
            LOG.warn("Cancelling the statement of connection {} failed", current.connectionId(), e);
        }
    }

    private static void closeQuietly(CommandDispatcher dispatcher) {
        try {
            dispatcher.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing prepared statements failed", e);
        }
    }

    private static void closeQuietly(Session current) {
        try {
            current.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the session of connection {} failed", current.connectionId(), e);
        }
    }
}
