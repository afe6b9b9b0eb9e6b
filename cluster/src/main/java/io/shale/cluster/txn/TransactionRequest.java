package io.shale.cluster.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The payload of {@code txn.commit}, {@code txn.rollback} and {@code txn.prepare}: the distributed transaction, and
 * for prepare the gid to prepare it under ("" otherwise).
 *
 * <pre>
 *   version u8 (=1) · transaction id · gid UTF
 * </pre>
 */
public record TransactionRequest(DistributedTransactionId transaction, String gid) {
    private static final int VERSION = 1;

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            transaction.write(out);
            out.writeUTF(gid);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TransactionRequest decode(byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            Payloads.checkVersion(in.readUnsignedByte(), VERSION, "transaction");
            return new TransactionRequest(DistributedTransactionId.read(in), in.readUTF());
        } catch (IOException e) {
            throw Payloads.malformed("transaction", e);
        }
    }
}
