package io.shale.common.types;

/**
 * A type as a column, expression or parameter has it: the PostgreSQL type oid and the type
 * modifier (atttypmod: {@code varchar(n)} is n+4, {@code numeric(p,s)} is ((p<<16)|s)+4, -1 none).
 */
public record SqlType(int oid, int typmod) {
    public static final SqlType BOOL = of(TypeOids.BOOL);
    public static final SqlType BYTEA = of(TypeOids.BYTEA);
    public static final SqlType CHAR = of(TypeOids.CHAR);
    public static final SqlType NAME = of(TypeOids.NAME);
    public static final SqlType INT8 = of(TypeOids.INT8);
    public static final SqlType INT2 = of(TypeOids.INT2);
    public static final SqlType INT4 = of(TypeOids.INT4);
    public static final SqlType TEXT = of(TypeOids.TEXT);
    public static final SqlType OID = of(TypeOids.OID);
    public static final SqlType JSON = of(TypeOids.JSON);
    public static final SqlType FLOAT4 = of(TypeOids.FLOAT4);
    public static final SqlType FLOAT8 = of(TypeOids.FLOAT8);
    public static final SqlType UNKNOWN = of(TypeOids.UNKNOWN);
    public static final SqlType BPCHAR = of(TypeOids.BPCHAR);
    public static final SqlType VARCHAR = of(TypeOids.VARCHAR);
    public static final SqlType DATE = of(TypeOids.DATE);
    public static final SqlType TIME = of(TypeOids.TIME);
    public static final SqlType TIMESTAMP = of(TypeOids.TIMESTAMP);
    public static final SqlType TIMESTAMPTZ = of(TypeOids.TIMESTAMPTZ);
    public static final SqlType INTERVAL = of(TypeOids.INTERVAL);
    public static final SqlType NUMERIC = of(TypeOids.NUMERIC);
    public static final SqlType UUID = of(TypeOids.UUID);
    public static final SqlType JSONB = of(TypeOids.JSONB);
    public static final SqlType VOID = of(TypeOids.VOID);

    public static SqlType of(int oid) {
        return new SqlType(oid, -1);
    }
}
