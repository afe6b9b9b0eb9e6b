package io.shale.engine.system;

import io.shale.catalog.Constraint;
import io.shale.catalog.Database;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.TypeOids;
import io.shale.engine.settings.SettingRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The pg_catalog views: pg_tables, pg_views, pg_indexes, pg_sequences, pg_settings, activity. */
final class ViewRows {
    private ViewRows() {
    }

    static void tables(CatalogScan scan, RowWriter out, List<SystemRelation> system) {
        for (SystemRelation s : system) {
            if (s.kind() == 'r') {
                out.row().set("schemaname", s.schema()).set("tablename", s.name()).set("tableowner", "postgres")
                        .set("hasindexes", true).set("hasrules", false).set("hastriggers", false)
                        .set("rowsecurity", false);
            }
        }
        for (Relation r : scan.relations()) {
            if (r instanceof Table t) {
                boolean triggers = !scan.objects.foreignKeysReferencing(t.oid()).isEmpty();
                for (Constraint c : scan.objects.constraintsOf(t.oid())) {
                    triggers |= c.type() == 'f';
                }
                out.row().set("schemaname", scan.namespaceName(t.namespaceOid())).set("tablename", t.name())
                        .set("tableowner", scan.roleName(t.ownerOid()))
                        .set("hasindexes", !scan.objects.indexesOf(t.oid()).isEmpty()).set("hasrules", false)
                        .set("hastriggers", triggers).set("rowsecurity", false);
            }
        }
    }

    static void views(CatalogScan scan, RowWriter out, List<SystemRelation> system, ExpressionDeparser deparser) {
        for (SystemRelation s : system) {
            if (s.kind() == 'v') {
                out.row().set("schemaname", s.schema()).set("viewname", s.name()).set("viewowner", "postgres");
            }
        }
        for (Relation r : scan.relations()) {
            if (r instanceof View v) {
                out.row().set("schemaname", scan.namespaceName(v.namespaceOid())).set("viewname", v.name())
                        .set("viewowner", scan.roleName(v.ownerOid()))
                        .set("definition", deparser.deparseQuery(v.querySql(), v.oid(), false));
            }
        }
    }

    static void indexes(CatalogScan scan, RowWriter out, ExpressionDeparser deparser) {
        Definitions definitions = new Definitions(scan, deparser);
        for (Relation r : scan.relations()) {
            if (r instanceof Index i && scan.objects.relation(i.tableOid()) instanceof Table t) {
                out.row().set("schemaname", scan.namespaceName(t.namespaceOid())).set("tablename", t.name())
                        .set("indexname", i.name()).set("indexdef", definitions.indexDefinition(i, 0, false));
            }
        }
    }

    static void sequences(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Sequence s) {
                out.row().set("schemaname", scan.namespaceName(s.namespaceOid())).set("sequencename", s.name())
                        .set("sequenceowner", scan.roleName(s.ownerOid())).set("data_type", s.type().oid())
                        .set("start_value", s.start()).set("min_value", s.min()).set("max_value", s.max())
                        .set("increment_by", s.increment()).set("cycle", s.cycle()).set("cache_size", s.cache());
            }
        }
    }

    static void userTableStatistics(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Table t) {
                out.row().set("relid", t.oid()).set("schemaname", scan.namespaceName(t.namespaceOid()))
                        .set("relname", t.name());
                for (String counter : new String[] {"seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch",
                    "n_tup_ins", "n_tup_upd", "n_tup_del", "n_tup_hot_upd", "n_live_tup", "n_dead_tup",
                    "n_mod_since_analyze", "n_ins_since_vacuum", "vacuum_count", "autovacuum_count",
                    "analyze_count", "autoanalyze_count"}) {
                    out.set(counter, 0L);
                }
            }
        }
    }

    static void databaseStatistics(CatalogScan scan, RowWriter out) {
        List<Database> databases = new ArrayList<>(scan.catalog.databases());
        databases.sort(Comparator.comparingInt(Database::oid));
        for (Database d : databases) {
            int backends = 0;
            for (ActivityInfo a : scan.context.activity()) {
                backends += a.databaseOid() == d.oid() ? 1 : 0;
            }
            out.row().set("datid", d.oid()).set("datname", d.name()).set("numbackends", backends);
            for (String counter : new String[] {"xact_commit", "xact_rollback", "blks_read", "blks_hit",
                "tup_returned", "tup_fetched", "tup_inserted", "tup_updated", "tup_deleted", "conflicts",
                "temp_files", "temp_bytes", "deadlocks", "sessions", "sessions_abandoned", "sessions_fatal",
                "sessions_killed"}) {
                out.set(counter, 0L);
            }
            for (String time : new String[] {"blk_read_time", "blk_write_time", "session_time", "active_time",
                "idle_in_transaction_time"}) {
                out.set(time, 0.0);
            }
        }
    }

    static void settings(SystemContext context, RowWriter out) {
        for (SettingRow s : context.settings().rows()) {
            out.row().set("name", s.name()).set("setting", s.setting()).set("unit", s.unit())
                    .set("category", s.category()).set("short_desc", s.shortDesc()).set("extra_desc", s.extraDesc())
                    .set("context", s.context()).set("vartype", s.vartype()).set("source", s.source())
                    .set("min_val", s.minVal()).set("max_val", s.maxVal())
                    .set("enumvals", s.enumvals() == null ? null : TypeSupport.array(TypeOids.TEXT, s.enumvals()))
                    .set("boot_val", s.bootVal()).set("reset_val", s.resetVal()).set("sourcefile", s.sourcefile())
                    .set("sourceline", s.sourceline()).set("pending_restart", s.pendingRestart());
        }
    }

    static void activity(SystemContext context, RowWriter out) {
        for (ActivityInfo a : context.activity()) {
            out.row().set("datid", a.databaseOid()).set("datname", a.databaseName()).set("pid", a.pid())
                    .set("usesysid", a.userOid()).set("usename", a.userName())
                    .set("application_name", a.applicationName())
                    .set("client_addr", a.clientAddress() == null ? null : TypeSupport.inet(a.clientAddress()))
                    .set("client_port", a.clientPort() == null ? -1 : a.clientPort())
                    .set("backend_start", a.backendStart()).set("xact_start", a.transactionStart())
                    .set("query_start", a.queryStart()).set("state_change", a.stateChange())
                    .set("wait_event_type", "idle".equals(a.state()) ? "Client" : null)
                    .set("wait_event", "idle".equals(a.state()) ? "ClientRead" : null).set("state", a.state())
                    .set("query", a.query()).set("backend_type", a.backendType());
        }
    }

    static void preparedTransactions(SystemContext context, RowWriter out) {
        for (PreparedTransactionInfo p : context.preparedTransactions()) {
            out.row().set("transaction", p.transaction()).set("gid", p.gid()).set("prepared", p.prepared())
                    .set("owner", p.owner()).set("database", p.database());
        }
    }
}
