package io.shale.cluster.txn;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the transaction RPC payloads: long texts, versions, lists of strings and wait edges. */
public final class Payloads {
    private static final int VERSION = 1;

    private Payloads() {
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void checkVersion(int found, int expected, String what) {
        if (found != expected) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "unsupported " + what + " payload version " + found);
        }
    }

    static ShaleException malformed(String what, IOException e) {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed " + what + " payload", e);
    }

    /** A list of texts (the gids of {@code txn.listPrepared}). */
    public static byte[] encodeTexts(List<String> texts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + texts.size() * 32);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeInt(texts.size());
            for (String t : texts) {
                writeText(out, t);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> decodeTexts(byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            checkVersion(in.readUnsignedByte(), VERSION, "list");
            int n = in.readInt();
            List<String> texts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                texts.add(readText(in));
            }
            return texts;
        } catch (IOException e) {
            throw malformed("list", e);
        }
    }

    /** The wait edges of {@code txn.waits}. */
    public static byte[] encodeEdges(List<WaitEdge> edges) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + edges.size() * 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeInt(edges.size());
            for (WaitEdge e : edges) {
                e.waiting().write(out);
                e.holding().write(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<WaitEdge> decodeEdges(byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            checkVersion(in.readUnsignedByte(), VERSION, "wait edges");
            int n = in.readInt();
            List<WaitEdge> edges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                edges.add(new WaitEdge(DistributedTransactionId.read(in), DistributedTransactionId.read(in)));
            }
            return edges;
        } catch (IOException e) {
            throw malformed("wait edges", e);
        }
    }
}
