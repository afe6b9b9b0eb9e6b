package io.shale.catalog;

/**
 * A pg_default_acl row: the privileges {@code roleOid}'s new objects of {@code objectType}
 * ({@code r} tables, {@code S} sequences, {@code f} functions, {@code n} schemas) get, in
 * {@code namespaceOid} (0 for every schema).
 */
public record DefaultAcl(int oid, int roleOid, int namespaceOid, char objectType, Acl acl) {
}
