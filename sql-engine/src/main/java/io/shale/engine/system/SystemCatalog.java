package io.shale.engine.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of pg_catalog and information_schema relations: the analyzer looks a name up here
 * when the catalog has no user relation of that name in the schemas searched. Immutable; one
 * per node.
 */
public final class SystemCatalog {
    private final List<SystemRelation> all;
    private final Map<String, SystemRelation> byName;
    private final Map<Integer, SystemRelation> byOid;
    private final ExpressionDeparser deparser;

    /** The relations, with a deparser for the stored expressions they print. */
    public SystemCatalog(ExpressionDeparser deparser) {
        this(deparser, List.of());
    }

    /**
     * The relations plus {@code extra} ones defined elsewhere in the engine (Citus's metadata tables and
     * views), with a deparser for the stored expressions they print.
     */
    public SystemCatalog(ExpressionDeparser deparser, List<SystemRelation> extra) {
        this.deparser = deparser;
        Map<String, SystemTable.RowSource> sources = sources();
        List<SystemRelation> list = new ArrayList<>();
        Map<String, SystemRelation> names = new HashMap<>();
        Map<Integer, SystemRelation> oids = new HashMap<>();
        for (RelationSpecs.Spec spec : RelationSpecs.load().values()) {
            SystemTable.RowSource source = sources.get(spec.schema() + "." + spec.name());
            if (source == null) {
                throw new IllegalStateException("no rows for " + spec.name());
            }
            SystemTable table = new SystemTable(spec, source);
            list.add(table);
            names.put(spec.schema() + "." + spec.name(), table);
            oids.put(spec.oid(), table);
        }
        for (SystemRelation relation : extra) {
            list.add(relation);
            names.put(relation.schema() + "." + relation.name(), relation);
            oids.put(relation.oid(), relation);
        }
        this.all = List.copyOf(list);
        this.byName = Map.copyOf(names);
        this.byOid = Map.copyOf(oids);
    }

    /** The relation {@code schema.name}, or null. */
    public SystemRelation relation(String schema, String name) {
        return byName.get(schema + "." + name);
    }

    /** The relation with that pg_class oid, or null. */
    public SystemRelation relation(int oid) {
        return byOid.get(oid);
    }

    /** Every relation, pg_catalog's first. */
    public List<SystemRelation> all() {
        return all;
    }

    public ExpressionDeparser deparser() {
        return deparser;
    }

    private Map<String, SystemTable.RowSource> sources() {
        Map<String, SystemTable.RowSource> m = new HashMap<>();
        m.put("pg_catalog.pg_namespace", (c, out) -> ClassRows.namespaces(new CatalogScan(c), out));
        m.put("pg_catalog.pg_class", (c, out) -> ClassRows.classes(new CatalogScan(c), out, all));
        m.put("pg_catalog.pg_attribute", (c, out) -> AttributeRows.attributes(new CatalogScan(c), out, all));
        m.put("pg_catalog.pg_attrdef", (c, out) -> AttributeRows.defaults(new CatalogScan(c), out));
        m.put("pg_catalog.pg_type", (c, out) -> TypeRows.types(new CatalogScan(c), out));
        m.put("pg_catalog.pg_index", (c, out) -> IndexRows.indexes(new CatalogScan(c), out, deparser));
        m.put("pg_catalog.pg_constraint", (c, out) -> IndexRows.constraints(new CatalogScan(c), out));
        m.put("pg_catalog.pg_proc", (c, out) -> FixedRows.procs(new CatalogScan(c), out));
        m.put("pg_catalog.pg_roles", (c, out) -> RoleRows.roles(new CatalogScan(c), out));
        m.put("pg_catalog.pg_authid", (c, out) -> RoleRows.authid(new CatalogScan(c), out));
        m.put("pg_catalog.pg_user", (c, out) -> RoleRows.users(new CatalogScan(c), out));
        m.put("pg_catalog.pg_auth_members", (c, out) -> RoleRows.members(new CatalogScan(c), out));
        m.put("pg_catalog.pg_database", (c, out) -> RoleRows.databases(new CatalogScan(c), out));
        m.put("pg_catalog.pg_default_acl", (c, out) -> RoleRows.defaultAcls(new CatalogScan(c), out));
        m.put("pg_catalog.pg_tablespace", (c, out) -> RoleRows.tablespaces(out));
        m.put("pg_catalog.pg_settings", ViewRows::settings);
        m.put("pg_catalog.pg_am", (c, out) -> FixedRows.accessMethods(out));
        m.put("pg_catalog.pg_collation", (c, out) -> FixedRows.collations(out));
        m.put("pg_catalog.pg_extension", (c, out) -> FixedRows.extensions(out));
        m.put("pg_catalog.pg_available_extensions", (c, out) -> FixedRows.availableExtensions(out));
        m.put("pg_catalog.pg_language", (c, out) -> FixedRows.languages(out));
        m.put("pg_catalog.pg_stat_database", (c, out) -> ViewRows.databaseStatistics(new CatalogScan(c), out));
        m.put("pg_catalog.pg_description", (c, out) -> FixedRows.descriptions(new CatalogScan(c), out));
        m.put("pg_catalog.pg_enum", (c, out) -> FixedRows.enums(new CatalogScan(c), out));
        m.put("pg_catalog.pg_depend", (c, out) -> FixedRows.depends(new CatalogScan(c), out));
        m.put("pg_catalog.pg_sequence", (c, out) -> FixedRows.sequences(new CatalogScan(c), out));
        for (String empty : List.of("pg_inherits", "pg_policy", "pg_statistic_ext", "pg_publication",
                "pg_publication_rel", "pg_publication_namespace", "pg_partitioned_table", "pg_trigger",
                "pg_rewrite", "pg_foreign_table", "pg_shdescription", "pg_locks", "pg_matviews",
                "pg_cast", "pg_operator", "pg_opclass", "pg_event_trigger", "pg_foreign_server",
                "pg_foreign_data_wrapper", "pg_init_privs", "pg_largeobject_metadata",
                "pg_db_role_setting", "pg_subscription", "pg_aggregate", "pg_stat_replication",
                "pg_replication_slots", "pg_seclabel", "pg_shdepend", "pg_conversion",
                "pg_transform", "pg_ts_config")) {
            m.put("pg_catalog." + empty, (c, out) -> { });
        }
        m.put("pg_catalog.pg_statistic", (c, out) -> RoleRows.requireSuperuser(new CatalogScan(c), "pg_statistic"));
        m.put("pg_catalog.pg_stat_activity", ViewRows::activity);
        m.put("pg_catalog.pg_prepared_xacts", ViewRows::preparedTransactions);
        m.put("pg_catalog.pg_tables", (c, out) -> ViewRows.tables(new CatalogScan(c), out, all));
        m.put("pg_catalog.pg_views", (c, out) -> ViewRows.views(new CatalogScan(c), out, all, deparser));
        m.put("pg_catalog.pg_indexes", (c, out) -> ViewRows.indexes(new CatalogScan(c), out, deparser));
        m.put("pg_catalog.pg_sequences", (c, out) -> ViewRows.sequences(new CatalogScan(c), out));
        m.put("pg_catalog.pg_stat_user_tables", (c, out) -> ViewRows.userTableStatistics(new CatalogScan(c), out));
        m.put("information_schema.schemata", (c, out) -> InformationSchemaRows.schemata(new CatalogScan(c), out));
        m.put("information_schema.tables", (c, out) -> InformationSchemaRows.tables(new CatalogScan(c), out, all));
        m.put("information_schema.table_privileges",
                (c, out) -> PrivilegeRows.tablePrivileges(new CatalogScan(c), out, false));
        m.put("information_schema.role_table_grants",
                (c, out) -> PrivilegeRows.tablePrivileges(new CatalogScan(c), out, true));
        m.put("information_schema.columns",
                (c, out) -> InformationSchemaRows.columns(new CatalogScan(c), out, deparser));
        m.put("information_schema.table_constraints",
                (c, out) -> InformationSchemaRows.tableConstraints(new CatalogScan(c), out));
        m.put("information_schema.key_column_usage",
                (c, out) -> InformationSchemaRows.keyColumnUsage(new CatalogScan(c), out));
        m.put("information_schema.views", (c, out) -> InformationSchemaRows.views(new CatalogScan(c), out, deparser));
        m.put("information_schema.sequences", (c, out) -> InformationSchemaRows.sequences(new CatalogScan(c), out));
        return m;
    }
}
