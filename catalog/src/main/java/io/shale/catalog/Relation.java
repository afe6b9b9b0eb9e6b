package io.shale.catalog;

/** A pg_class entry of a user relation: table, index, sequence or view. */
public sealed interface Relation permits Table, Index, Sequence, View {
    int oid();

    int namespaceOid();

    String name();

    int ownerOid();

    /** pg_class.relkind: {@code r}, {@code i}, {@code S} or {@code v}. */
    char kind();
}
