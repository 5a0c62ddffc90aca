package io.basalt.server.cluster;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.state.ApplyResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a member asks the leader to do for it, and the answer, as bytes for
 * {@link io.basalt.consensus.LeaderForwarding}: commit an encoded command, or change the
 * membership. Answers carry the command's {@link ApplyResult} and the leader's applied index
 * (so the asking node can wait until it has applied the write itself), or the error the client
 * should see.
 */
final class LeaderRequest {
    private static final int FORMAT = 1;

    enum Kind { PROPOSE, ADD_FOLLOWER, DROP_FOLLOWER, TRANSFER_LEADER }

    /** A decoded request: PROPOSE carries the encoded command, the others a member address. */
    record Request(Kind kind, byte[] command, String address) {}

    /** A decoded answer: a result and the leader's applied index, or an error. */
    record Answer(ApplyResult result, long appliedIndex, BasaltException error) {}

    private LeaderRequest() {}

    static byte[] propose(byte[] command) {
        return encode(out -> {
            out.writeByte(Kind.PROPOSE.ordinal());
            out.writeInt(command.length);
            out.write(command);
        });
    }

    static byte[] membership(Kind kind, String address) {
        return encode(out -> {
            out.writeByte(kind.ordinal());
            out.writeUTF(address);
        });
    }

    static Request decodeRequest(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkFormat(in);
            Kind kind = Kind.values()[in.readUnsignedByte()];
            if (kind == Kind.PROPOSE) {
                byte[] command = new byte[in.readInt()];
                in.readFully(command);
                return new Request(kind, command, null);
            }
            return new Request(kind, null, in.readUTF());
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed leader request", e);
        }
    }

    static byte[] ok(ApplyResult r, long appliedIndex) {
        return encode(out -> {
            out.writeBoolean(true);
            out.writeLong(appliedIndex);
            out.writeLong(r.affectedRows());
            out.writeLong(r.lastInsertId());
            writeNullable(out, r.info());
            out.writeInt(r.warnings().size());
            for (ExecContext.Warning w : r.warnings()) {
                out.writeUTF(w.level());
                out.writeInt(w.code());
                out.writeUTF(w.message());
            }
        });
    }

    static byte[] error(BasaltException e) {
        return encode(out -> {
            out.writeBoolean(false);
            out.writeUTF(e.code().name());
            out.writeUTF(e.getMessage() == null ? "" : e.getMessage());
        });
    }

    static Answer decodeAnswer(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkFormat(in);
            if (!in.readBoolean()) {
                ErrorCode code;
                String name = in.readUTF();
                try {
                    code = ErrorCode.valueOf(name);
                } catch (IllegalArgumentException unknownToThisVersion) {
                    code = ErrorCode.INTERNAL;
                }
                return new Answer(null, 0, new BasaltException(code, in.readUTF()));
            }
            long index = in.readLong();
            long affected = in.readLong();
            long lastInsertId = in.readLong();
            String info = readNullable(in);
            int n = in.readInt();
            List<ExecContext.Warning> warnings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                warnings.add(new ExecContext.Warning(in.readUTF(), in.readInt(), in.readUTF()));
            }
            return new Answer(new ApplyResult(affected, lastInsertId, warnings, info), index, null);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed leader answer", e);
        }
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void checkFormat(DataInputStream in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("unknown leader request format " + format);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
