package io.shale.cluster.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload of {@code task.execute}: the SQL text of one task, the distributed transaction it belongs to, and what
 * the task session is opened with when it is the transaction's first task on the node ({@code opens}: role,
 * database, settings; a later task whose session is gone fails instead of opening a new one). An {@code autocommit}
 * task belongs to no distributed transaction: the node runs it in its own implicit transaction, committed before it
 * answers, and keeps no task session (the transaction id is then only informative).
 *
 * <pre>
 *   version u8 (=2) · transaction id · opens u8 · autocommit u8 · role UTF · database UTF · n u16 · (name UTF · value UTF)^n · sql (u32 length · UTF-8)
 * </pre>
 */
public record TaskRequest(DistributedTransactionId transaction, boolean opens, boolean autocommit, String role,
                          String database, Map<String, String> settings, String sql) {
    private static final int VERSION = 2;

    public TaskRequest {
        settings = Map.copyOf(settings);
    }

    /** A task of the distributed transaction {@code transaction}. */
    public TaskRequest(DistributedTransactionId transaction, boolean opens, String role, String database,
                       Map<String, String> settings, String sql) {
        this(transaction, opens, false, role, database, settings, sql);
    }

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + sql.length());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            transaction.write(out);
            out.writeBoolean(opens);
            out.writeBoolean(autocommit);
            out.writeUTF(role);
            out.writeUTF(database);
            out.writeShort(settings.size());
            for (Map.Entry<String, String> e : settings.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            Payloads.writeText(out, sql);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TaskRequest decode(byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            Payloads.checkVersion(in.readUnsignedByte(), VERSION, "task");
            DistributedTransactionId txn = DistributedTransactionId.read(in);
            boolean opens = in.readBoolean();
            boolean autocommit = in.readBoolean();
            String role = in.readUTF();
            String database = in.readUTF();
            int n = in.readUnsignedShort();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            return new TaskRequest(txn, opens, autocommit, role, database, settings, Payloads.readText(in));
        } catch (IOException e) {
            throw Payloads.malformed("task", e);
        }
    }
}
