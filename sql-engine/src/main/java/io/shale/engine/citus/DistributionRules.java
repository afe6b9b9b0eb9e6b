package io.shale.engine.citus;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;

/** Citus's checks on distribution columns and on the indexes and constraints of hash tables, with its texts. */
final class DistributionRules {
    /** pg_collation oid of the database default collation. */
    static final int DEFAULT_COLLATION = 100;
    /** pg_collation oid of "C", the collation of {@code name}. */
    static final int C_COLLATION = 950;

    static final String UNIQUE_DETAIL = "Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints"
            + " that do not include the partition column (with an equality operator if EXCLUDE).";

    private DistributionRules() {
    }

    /** The collation oid Citus records for a distribution column of this type (0 when not collatable). */
    static int collation(SqlType type) {
        return switch (type.oid()) {
            case TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR -> DEFAULT_COLLATION;
            case TypeOids.NAME -> C_COLLATION;
            default -> 0;
        };
    }

    /** Fails as Citus does when a column cannot be a hash distribution column. */
    static void checkDistributionColumn(Table table, Column column) {
        SqlType type = column.type();
        if (!hashable(type)) {
            throw new ShaleException(ErrorCode.UNDEFINED_FUNCTION, "could not identify a hash function for type "
                    + TypeNames.format(SqlType.of(type.oid())))
                    .withDetail("Partition column types must have a hash function defined to use hash partitioning.");
        }
        if (column.generatedSql() != null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot distribute relation: " + table.name())
                    .withDetail("Distribution column must not use GENERATED ALWAYS AS (...) STORED.");
        }
    }

    private static boolean hashable(SqlType type) {
        return switch (type.oid()) {
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.OID, TypeOids.BOOL, TypeOids.CHAR, TypeOids.TEXT,
                 TypeOids.VARCHAR, TypeOids.NAME, TypeOids.BPCHAR, TypeOids.BYTEA, TypeOids.DATE, TypeOids.TIME,
                 TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.UUID, TypeOids.FLOAT4, TypeOids.FLOAT8,
                 TypeOids.NUMERIC, TypeOids.JSONB, TypeOids.INTERVAL, TypeOids.TIMETZ, TypeOids.INET,
                 TypeOids.CIDR -> true;
            default -> type.isArray() && type.oid() != TypeOids.INT2VECTOR && type.oid() != TypeOids.OIDVECTOR
                    && hashable(type.elementType());
        };
    }

    /**
     * Refuses unique indexes and UNIQUE / PRIMARY KEY constraints of a hash-distributed table that do not
     * include its distribution column.
     */
    static void checkUniqueness(DatabaseCatalog objects, Table shell, DistributedTable table) {
        if (!table.isHashDistributed() || !table.hasDistributionColumn()) {
            return;
        }
        for (Index index : objects.indexesOf(shell.oid())) {
            if (!index.unique() || includesColumn(index, table.distributionAttnum())) {
                continue;
            }
            for (Constraint c : objects.constraintsOf(shell.oid())) {
                if (c.indexOid() == index.oid()) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create constraint on \""
                            + shell.name() + "\"").withDetail(UNIQUE_DETAIL);
                }
            }
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "creating unique indexes on non-partition columns is currently unsupported");
        }
    }

    /**
     * Citus's foreign key rules for a Citus table's own foreign keys: a hash table may reference itself, a reference
     * table, or a colocated hash table with the distribution columns at the same position; a reference table may not
     * reference a hash table.
     */
    static void checkForeignKeys(DatabaseCatalog objects, Table shell, DistributedTable table) {
        for (Constraint fk : objects.constraintsOf(shell.oid())) {
            if (fk.type() != 'f' || fk.referencedTable() == shell.oid()) {
                continue;
            }
            DistributedTable target = objects.distributedTable(fk.referencedTable());
            checkTenantForeignKey(objects, shell, fk, target);
            if (table.isReferenceTable()) {
                if (target != null && !target.isReferenceTable()) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create foreign key constraint "
                            + "since foreign keys from reference tables and local tables to distributed tables are not "
                            + "supported");
                }
                continue;
            }
            if (target != null && target.isReferenceTable()) {
                continue;
            }
            if (target != null && !table.hasDistributionColumn() && !target.hasDistributionColumn()
                    && target.colocationId() == table.colocationId()) {
                continue;
            }
            if (target == null || !target.isHashDistributed() || !table.isHashDistributed()
                    || target.colocationId() != table.colocationId()) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create foreign key constraint since "
                        + "relations are not colocated or not referencing a reference table")
                        .withDetail("A distributed table can only have foreign keys if it is referencing another "
                                + "colocated hash distributed table or a reference table");
            }
            if (!sameOrdinal(fk, table.distributionAttnum(), target.distributionAttnum())) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create foreign key constraint")
                        .withDetail("Foreign keys are supported in two cases, either in between two colocated tables "
                                + "including partition column in the same ordinal in the both tables or from "
                                + "distributed to reference tables");
            }
        }
    }

    /**
     * Citus's rules for foreign keys from and to tables of distributed schemas: within one schema and to reference
     * tables only; a key that passes here is judged by the general rules (a table of another distributed schema is
     * not colocated).
     */
    private static void checkTenantForeignKey(DatabaseCatalog objects, Table shell, Constraint fk,
                                              DistributedTable target) {
        Table referenced = (Table) objects.relation(fk.referencedTable());
        boolean fromTenant = objects.distributedSchema(shell.namespaceOid()) != null;
        boolean toTenant = referenced != null && objects.distributedSchema(referenced.namespaceOid()) != null;
        if (fromTenant && shell.namespaceOid() == referenced.namespaceOid()) {
            return;
        }
        if (toTenant && !fromTenant) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot create foreign keys to tables in a distributed schema from another schema")
                    .withDetail("\"" + shell.name() + "\" references \"" + referenced.name()
                            + "\" via foreign key constraint \"" + fk.name() + "\"");
        }
        if (!fromTenant || toTenant) {
            return;
        }
        if (target == null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "referenced table \"" + referenced.name()
                    + "\" must be a distributed table or a reference table");
        }
        if (!target.isReferenceTable()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "foreign keys from distributed schemas can only "
                    + "point to the same distributed schema or reference tables in regular schemas");
        }
    }

    /** Refuses a foreign key of a plain local table that references a Citus table other than a reference table. */
    static void checkLocalForeignKeys(DatabaseCatalog objects) {
        for (Constraint fk : objects.constraints()) {
            if (fk.type() != 'f' || objects.distributedTable(fk.tableOid()) != null
                    || objects.shardOfRelation(fk.tableOid()) != null) {
                continue;
            }
            DistributedTable target = objects.distributedTable(fk.referencedTable());
            Table local = (Table) objects.relation(fk.tableOid());
            checkTenantForeignKey(objects, local, fk, target);
            if (target != null && !target.isReferenceTable()) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create foreign key constraint since "
                        + "foreign keys from reference tables and local tables to distributed tables are not supported");
            }
        }
    }

    private static boolean sameOrdinal(Constraint fk, int attnum, int referencedAttnum) {
        for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
            if (fk.columns().get(i) == attnum && fk.referencedColumns().get(i) == referencedAttnum) {
                return true;
            }
        }
        return false;
    }

    private static boolean includesColumn(Index index, int attnum) {
        for (int i = 0; i < index.keyCount(); i++) {
            if (index.keys().get(i).attnum() == attnum) {
                return true;
            }
        }
        return false;
    }
}
