package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.TypeOids;

import java.util.List;

/**
 * The text forms of the reg* types (regclass, regtype, regproc, regprocedure, regnamespace,
 * regrole) over one catalog snapshot and search path: names resolved as PostgreSQL does,
 * printed qualified only when the search path would not find them.
 */
public final class OidNamesResolver implements FormatSettings.OidNames {
    private final NameResolver resolver;

    /**
     * @param searchPath the effective search path, pg_catalog included ({@link SearchPath#effective})
     * @param functions the registry's functions (regproc)
     */
    public OidNamesResolver(Catalog catalog, int databaseOid, int userOid, List<String> searchPath,
                            List<ProcInfo> functions, SystemCatalog system) {
        SystemContext context = new LookupContext(catalog, databaseOid, userOid, List.copyOf(searchPath),
                List.copyOf(functions), RelationSizes.NONE);
        this.resolver = new NameResolver(new CatalogScan(context), system);
    }

    @Override
    public String name(int regTypeOid, long oid) {
        return switch (regTypeOid) {
            case TypeOids.REGCLASS -> resolver.relationName(oid);
            case TypeOids.REGTYPE -> resolver.typeName(oid);
            case TypeOids.REGPROC -> resolver.procName(oid);
            case TypeOids.REGPROCEDURE -> resolver.procSignature(oid);
            case TypeOids.REGNAMESPACE -> resolver.namespaceName(oid);
            case TypeOids.REGROLE -> resolver.roleName(oid);
            default -> Long.toString(oid);
        };
    }

    @Override
    public long oid(int regTypeOid, String name) {
        return switch (regTypeOid) {
            case TypeOids.REGCLASS -> resolver.relationOid(name);
            case TypeOids.REGTYPE -> resolver.typeOid(name);
            case TypeOids.REGPROC, TypeOids.REGPROCEDURE -> resolver.procOid(name);
            case TypeOids.REGNAMESPACE -> resolver.namespaceOid(name);
            case TypeOids.REGROLE -> resolver.roleOid(name);
            default -> throw ShaleException.unsupported("input of type " + regTypeOid);
        };
    }
}
