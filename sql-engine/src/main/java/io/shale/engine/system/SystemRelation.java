package io.shale.engine.system;

import java.util.Iterator;
import java.util.List;

/**
 * A pg_catalog or information_schema relation whose rows are computed from the session's
 * catalog snapshot and state when it is scanned.
 */
public interface SystemRelation {
    /** PostgreSQL 15's pg_class oid of the relation. */
    int oid();

    /** {@code pg_catalog} or {@code information_schema}. */
    String schema();

    String name();

    /** pg_class.relkind: {@code r} for a catalog table, {@code v} for a view. */
    char kind();

    /** The columns in PostgreSQL 15's order. */
    List<SystemColumn> columns();

    /** The rows, values in the engine's value representation (TYPES.md). */
    Iterator<Object[]> rows(SystemContext context);
}
