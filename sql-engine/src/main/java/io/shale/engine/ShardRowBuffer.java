package io.shale.engine;

import io.shale.catalog.Catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows a catalog-changing transaction writes into shard relations placed on other nodes (the rows
 * a table had before it was distributed). They travel with the staged catalog, so each node
 * commits them together with the catalog that creates their relations, or not at all.
 * Payload per node: catalog version, database oid, then {@code [shard relation oid][length][row]}…
 */
final class ShardRowBuffer {
    private final Map<Integer, ByteArrayOutputStream> byGroup = new LinkedHashMap<>();
    private int databaseOid;

    void add(int groupId, int databaseOid, int shardRelationOid, byte[] encodedRow) {
        this.databaseOid = databaseOid;
        ByteArrayOutputStream out = byGroup.computeIfAbsent(groupId, g -> new ByteArrayOutputStream());
        DataOutputStream data = new DataOutputStream(out);
        try {
            data.writeInt(shardRelationOid);
            data.writeInt(encodedRow.length);
            data.write(encodedRow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** The payload for each group's node, for the staged catalog {@code next}. */
    Map<Integer, byte[]> payloads(Catalog next) {
        Map<Integer, byte[]> payloads = new LinkedHashMap<>();
        for (Map.Entry<Integer, ByteArrayOutputStream> e : byGroup.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(e.getValue().size() + 12);
            DataOutputStream data = new DataOutputStream(out);
            try {
                data.writeLong(next.version());
                data.writeInt(databaseOid);
                e.getValue().writeTo(data);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            payloads.put(e.getKey(), out.toByteArray());
        }
        return payloads;
    }

    void clear() {
        byGroup.clear();
    }
}
