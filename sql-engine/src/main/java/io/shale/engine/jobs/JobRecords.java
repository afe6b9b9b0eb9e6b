package io.shale.engine.jobs;

import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of pg_dist_background_job, pg_dist_background_task and pg_dist_background_task_depend in the engine's own
 * key range (storage id 0, next to the catalog, sequence and pg_dist_transaction keys of {@code SystemKeys}):
 *
 * <pre>
 *   0 (8 bytes) · 0x04 · 0x01 · job id (8 bytes)   →  format (1) · database oid (4) · state (1) · job type · description
 *                                                      · started_at · finished_at
 *   0 (8 bytes) · 0x04 · 0x02 · task id (8 bytes)  →  format (1) · database oid (4) · job id (8) · owner (4) · pid
 *                                                      · status (1) · command · retry_count · not_before · message
 *                                                      · nodes_involved · depends_on
 * </pre>
 *
 * Texts are length-prefixed UTF-8 (Java's modified UTF-8 of {@link DataOutputStream#writeUTF} is not used: commands
 * may be long); nullable values carry a presence byte; instants are epoch microseconds. Each change is written in a
 * small transaction of its own, so the rows survive a restart.
 */
final class JobRecords implements JobQueue.Sink {
    private static final byte PREFIX = 4;
    private static final byte JOB = 1;
    private static final byte TASK = 2;
    private static final byte FORMAT = 1;

    private final KeyValueStore store;

    JobRecords(KeyValueStore store) {
        this.store = store;
    }

    private static byte[] key(byte kind, long id) {
        return ByteBuffer.allocate(18).putLong(0).put(PREFIX).put(kind).putLong(id).array();
    }

    private static byte[] start(byte kind) {
        return ByteBuffer.allocate(10).putLong(0).put(PREFIX).put(kind).array();
    }

    @Override
    public void job(BackgroundJob job) {
        write(key(JOB, job.jobId()), encode(job));
    }

    @Override
    public void task(BackgroundTask task) {
        write(key(TASK, task.taskId()), encode(task));
    }

    private void write(byte[] key, byte[] value) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            txn.put(key, value);
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    /** Every stored job, by id. */
    List<BackgroundJob> jobs() {
        List<BackgroundJob> out = new ArrayList<>();
        for (byte[] value : scan(JOB)) {
            out.add(decodeJob(value));
        }
        return out;
    }

    /** Every stored task, by id. */
    List<BackgroundTask> tasks() {
        List<BackgroundTask> out = new ArrayList<>();
        for (byte[] value : scan(TASK)) {
            out.add(decodeTask(value));
        }
        return out;
    }

    private List<byte[]> scan(byte kind) {
        List<byte[]> values = new ArrayList<>();
        Transaction txn = store.begin(TransactionOptions.defaults());
        try (KeyCursor cursor = txn.scan(start(kind), start((byte) (kind + 1)), false)) {
            while (cursor.next()) {
                values.add(cursor.value().clone());
            }
        } finally {
            txn.rollback();
        }
        return values;
    }

    static byte[] encode(BackgroundJob j) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(j.databaseOid());
            out.writeLong(j.jobId());
            out.writeByte(j.state().ordinal());
            text(out, j.jobType());
            text(out, j.description());
            instant(out, j.startedAt());
            instant(out, j.finishedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static BackgroundJob decodeJob(byte[] value) {
        try (DataInputStream in = input(value)) {
            return new BackgroundJob(in.readInt(), in.readLong(), JobStatus.values()[in.readByte()], text(in), text(in),
                    instant(in), instant(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BackgroundTask t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(t.databaseOid());
            out.writeLong(t.jobId());
            out.writeLong(t.taskId());
            out.writeInt(t.ownerOid());
            nullableInt(out, t.pid());
            out.writeByte(t.status().ordinal());
            text(out, t.command());
            nullableInt(out, t.retryCount());
            instant(out, t.notBefore());
            text(out, t.message());
            out.writeInt(t.nodesInvolved().size());
            for (int node : t.nodesInvolved()) {
                out.writeInt(node);
            }
            out.writeInt(t.dependsOn().size());
            for (long id : t.dependsOn()) {
                out.writeLong(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static BackgroundTask decodeTask(byte[] value) {
        try (DataInputStream in = input(value)) {
            int database = in.readInt();
            long jobId = in.readLong();
            long taskId = in.readLong();
            int owner = in.readInt();
            Integer pid = nullableInt(in);
            TaskStatus status = TaskStatus.values()[in.readByte()];
            String command = text(in);
            Integer retries = nullableInt(in);
            Instant notBefore = instant(in);
            String message = text(in);
            List<Integer> nodes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                nodes.add(in.readInt());
            }
            List<Long> depends = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                depends.add(in.readLong());
            }
            return new BackgroundTask(database, jobId, taskId, owner, pid, status, command, retries, notBefore, message,
                    nodes, depends);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream input(byte[] value) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown background job record format " + format);
        }
        return in;
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void nullableInt(DataOutputStream out, Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    private static Integer nullableInt(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void instant(DataOutputStream out, Instant v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v.getEpochSecond() * 1_000_000L + v.getNano() / 1_000);
        }
    }

    private static Instant instant(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long micros = in.readLong();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
