package io.shale.engine.system;

import io.shale.common.types.TypeOids;
import io.shale.engine.function.ScalarFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog information functions (pg_table_is_visible, pg_get_indexdef, format_type,
 * has_table_privilege, pg_size_pretty, …) with PostgreSQL 15's signatures and oids, for the
 * function registry to include.
 */
public final class CatalogFunctions {
    static final int OID = TypeOids.OID;
    static final int TEXT = TypeOids.TEXT;
    static final int NAME = TypeOids.NAME;
    static final int BOOL = TypeOids.BOOL;
    static final int INT4 = TypeOids.INT4;
    static final int INT8 = TypeOids.INT8;
    static final int REGCLASS = TypeOids.REGCLASS;

    private CatalogFunctions() {
    }

    /** Every catalog function, bound to the node's services. */
    public static List<CatalogFunction> definitions(CatalogServices services) {
        List<CatalogFunction> out = new ArrayList<>();
        InfoFunctions.addTo(out, services);
        DefinitionFunctions.addTo(out, services);
        PrivilegeFunctions.addTo(out, services);
        AclFunctions.addTo(out);
        SizeFunctions.addTo(out, services);
        return List.copyOf(out);
    }

    /** A strict scalar function. */
    static CatalogFunction scalar(String name, long oid, List<Integer> arguments, int returnType, char volatility,
                                  ScalarFunction body) {
        return new CatalogFunction("pg_catalog", name, oid, arguments, returnType, true, volatility,
                new CatalogFunction.Scalar(body));
    }

    static long oidArgument(Object value) {
        return ((Number) value).longValue();
    }
}
