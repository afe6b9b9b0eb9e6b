package io.shale.engine.system;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the catalog information functions need beyond the {@link io.shale.engine.function.EvalContext}:
 * node-level parts given once when the function registry is built.
 *
 * @param functions the registry's functions as pg_proc rows (asked for at call time)
 * @param sizes sizes of relations and databases on disk
 * @param deparser prints stored expressions like PostgreSQL
 * @param system the system relations (for their oids and names)
 * @param startTime when the node started (pg_postmaster_start_time, pg_conf_load_time)
 */
public record CatalogServices(Supplier<List<ProcInfo>> functions, RelationSizes sizes, ExpressionDeparser deparser,
                              SystemCatalog system, Instant startTime) {
}
