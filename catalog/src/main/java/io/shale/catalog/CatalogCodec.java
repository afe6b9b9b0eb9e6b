package io.shale.catalog;

import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The binary form of a {@link Catalog} snapshot, as a node keeps it in its store.
 *
 * <pre>
 *   +-------+---------+--------------------------------------------+---------+
 *   | magic | version | body                                       | crc32c  |
 *   | u32   | u16     | catalog version, next oid, next storage id |  u32    |
 *   |"SHCT" |         | roles, memberships, databases, objects     | of all  |
 *   +-------+---------+--------------------------------------------+---------+
 * </pre>
 *
 * Numbers in the body are zig-zag varints, strings are a varint (UTF-8 length + 1, 0 for null)
 * then the bytes, chars and attnums are u16, lists are a varint count then the items, and each
 * relation starts with its pg_class kind. Version 2 adds the distribution metadata: each
 * database's objects end with its Citus tables, shards, placements, colocation groups, tenant
 * schemas and their id counters, and the body ends with the cluster's nodes and id counters.
 * Version 3 adds ACLs: each database's objects end with their ACLs (object oid, aclitems) and
 * pg_default_acl rows, and the body ends with the databases' ACLs. Version 4 adds, after each database's
 * default ACLs, its pg_dist_rebalance_strategy rows (none: the built-in ones). Version 5 adds, after
 * each database's distributed schemas, its pg_dist_cleanup records and their id counters. Versions 1
 * to 4 still decode. A different magic, an unknown version or a wrong checksum fails with XX001.
 * Thread-safe (stateless).
 */
public final class CatalogCodec {
    /** "SHCT". */
    static final int MAGIC = 0x53484354;
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 5;
    /** The oldest format version this build still reads. */
    static final int OLDEST_FORMAT_VERSION = 1;

    private CatalogCodec() {
    }

    /** The catalog's bytes. */
    public static byte[] encode(Catalog catalog) {
        CatalogOutput out = new CatalogOutput();
        out.fixedInt(MAGIC);
        out.u16(FORMAT_VERSION);
        out.varLong(catalog.version());
        out.varInt(catalog.nextOid());
        out.varLong(catalog.nextStorageId());
        List<Role> roles = sorted(catalog.roles(), Comparator.comparingInt(Role::oid));
        out.varInt(roles.size());
        for (Role r : roles) {
            CatalogRecords.writeRole(out, r);
        }
        out.varInt(catalog.memberships().size());
        for (RoleMembership m : catalog.memberships()) {
            out.varInt(m.roleOid());
            out.varInt(m.memberOid());
            out.varInt(m.grantorOid());
            out.bool(m.adminOption());
        }
        List<Database> databases = sorted(catalog.databases(), Comparator.comparingInt(Database::oid));
        out.varInt(databases.size());
        for (Database d : databases) {
            out.varInt(d.oid());
            out.string(d.name());
            out.varInt(d.ownerOid());
            out.bool(d.allowConnections());
            out.varInt(d.connectionLimit());
            out.bool(d.isTemplate());
        }
        Map<Integer, DatabaseCatalog> contents = new TreeMap<>(catalog.contents());
        out.varInt(contents.size());
        for (DatabaseCatalog objects : contents.values()) {
            CatalogRecords.writeObjects(out, objects);
        }
        DistributionRecords.writeCluster(out, catalog.cluster());
        AclRecords.writeAclMap(out, catalog.databaseAcls());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.length());
        out.fixedInt((int) crc.getValue());
        return out.toByteArray();
    }

    /** The catalog of {@link #encode}'s bytes; XX001 when they are not a catalog of a known version. */
    public static Catalog decode(byte[] bytes) {
        if (bytes.length < 10) {
            throw CatalogInput.corrupt("catalog record is too short (" + bytes.length + " bytes)");
        }
        CatalogInput header = new CatalogInput(bytes, 0, bytes.length);
        if (header.fixedInt() != MAGIC) {
            throw CatalogInput.corrupt("catalog record has a wrong magic number");
        }
        int version = header.u16();
        if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
            throw CatalogInput.corrupt("catalog record has format version " + version
                    + ", this build reads versions " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = new CatalogInput(bytes, bytes.length - 4, bytes.length).fixedInt();
        if (stored != (int) crc.getValue()) {
            throw CatalogInput.corrupt("catalog record has a wrong checksum");
        }
        CatalogInput in = new CatalogInput(bytes, 6, bytes.length - 4);
        long catalogVersion = in.varLong();
        int nextOid = in.varInt();
        long nextStorageId = in.varLong();
        List<Role> roles = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            roles.add(CatalogRecords.readRole(in));
        }
        List<RoleMembership> memberships = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            memberships.add(new RoleMembership(in.varInt(), in.varInt(), in.varInt(), in.bool()));
        }
        List<Database> databases = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            databases.add(new Database(in.varInt(), in.string(), in.varInt(), in.bool(), in.varInt(), in.bool()));
        }
        Map<Integer, DatabaseCatalog> contents = new HashMap<>();
        for (int i = in.count(); i > 0; i--) {
            DatabaseCatalog objects = CatalogRecords.readObjects(in, version);
            contents.put(objects.databaseOid(), objects);
        }
        ClusterMetadata cluster = version >= 2 ? DistributionRecords.readCluster(in) : ClusterMetadata.EMPTY;
        Map<Integer, Acl> databaseAcls = version >= 3 ? AclRecords.readAclMap(in) : Map.of();
        if (!in.atEnd()) {
            throw CatalogInput.corrupt("catalog record has trailing bytes");
        }
        return new Catalog(catalogVersion, nextOid, nextStorageId, roles, memberships, databases, contents,
                cluster, databaseAcls);
    }

    static void writeType(CatalogOutput out, SqlType type) {
        out.varInt(type.oid());
        out.varInt(type.typmod());
    }

    static SqlType readType(CatalogInput in) {
        return new SqlType(in.varInt(), in.varInt());
    }

    static <T> List<T> sorted(java.util.Collection<T> values, Comparator<T> order) {
        List<T> list = new ArrayList<>(values);
        list.sort(order);
        return list;
    }
}
