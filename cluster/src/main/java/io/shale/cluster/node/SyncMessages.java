package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payload encodings of the metadata-sync methods (after the {@link ClusterCalls} header), all
 * big-endian, strings as modified UTF-8 with a length ({@code DataOutput.writeUTF}) except the SQL
 * text and catalogs, which are length-prefixed byte arrays:
 *
 * <pre>
 *   catalog.stage    catalog bytes (int32 length + bytes)       → empty
 *   catalog.publish  version int64                              → empty
 *   catalog.abort    version int64                              → empty
 *   catalog.pull     empty                                      → catalog bytes
 *   catalog.status   empty                                      → version int64, version being staged int64 (-1: none)
 *   node.join        group int32, catalog bytes                 → empty
 *   ddl.forward      role, database, settings (int32 n, n × name, value), sql bytes
 *                                                               → version int64, command tag
 * </pre>
 */
final class SyncMessages {
    private SyncMessages() {
    }

    static byte[] version(long version) {
        return write(out -> out.writeLong(version));
    }

    static long readVersion(byte[] payload) {
        return read(payload, DataInputStream::readLong);
    }

    static byte[] status(long version, long staging) {
        return write(out -> {
            out.writeLong(version);
            out.writeLong(staging);
        });
    }

    static StagedCatalogResolver.Status readStatus(byte[] payload) {
        return read(payload, in -> new StagedCatalogResolver.Status(in.readLong(), in.readLong()));
    }

    static byte[] join(int group, byte[] catalog) {
        return write(out -> {
            out.writeInt(group);
            writeBytes(out, catalog);
        });
    }

    record Join(int group, byte[] catalog) {
    }

    static Join readJoin(byte[] payload) {
        return read(payload, in -> new Join(in.readInt(), readBytes(in)));
    }

    static byte[] forward(ForwardedStatement statement) {
        return write(out -> {
            out.writeUTF(statement.role());
            out.writeUTF(statement.database());
            out.writeInt(statement.settings().size());
            for (Map.Entry<String, String> e : statement.settings().entrySet()) {
                out.writeUTF(e.getKey());
                writeBytes(out, e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            writeBytes(out, statement.sql().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    static ForwardedStatement readForward(byte[] payload) {
        return read(payload, in -> {
            String role = in.readUTF();
            String database = in.readUTF();
            int count = in.readInt();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                settings.put(in.readUTF(), new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8));
            }
            String sql = new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
            return new ForwardedStatement(role, database, settings, sql);
        });
    }

    static byte[] forwardResult(ForwardedStatement.Result result) {
        return write(out -> {
            out.writeLong(result.catalogVersion());
            out.writeUTF(result.commandTag());
            out.writeInt(result.messages().size());
            for (ForwardedStatement.Message m : result.messages()) {
                for (String text : new String[] {m.severity(), m.sqlState(), m.message(), m.detail(), m.hint()}) {
                    out.writeBoolean(text != null);
                    if (text != null) {
                        writeBytes(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        });
    }

    static ForwardedStatement.Result readForwardResult(byte[] payload) {
        return read(payload, in -> {
            long version = in.readLong();
            String tag = in.readUTF();
            List<ForwardedStatement.Message> messages = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String[] texts = new String[5];
                for (int t = 0; t < texts.length; t++) {
                    texts[t] = in.readBoolean() ? new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8) : null;
                }
                messages.add(new ForwardedStatement.Message(texts[0], texts[1], texts[2], texts[3], texts[4]));
            }
            return new ForwardedStatement.Result(version, tag, messages);
        });
    }

    static String describe(NodeAddress address) {
        return address.host() + ":" + address.port();
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("length " + length + " beyond the payload");
        }
        return in.readNBytes(length);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] payload, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "invalid metadata sync message: " + e.getMessage());
        }
    }
}
