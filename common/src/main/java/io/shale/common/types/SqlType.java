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
    public static final SqlType TIMETZ = of(TypeOids.TIMETZ);
    public static final SqlType INET = of(TypeOids.INET);
    public static final SqlType CIDR = of(TypeOids.CIDR);
    public static final SqlType XML = of(TypeOids.XML);
    public static final SqlType RECORD = of(TypeOids.RECORD);
    public static final SqlType REGCLASS = of(TypeOids.REGCLASS);
    public static final SqlType REGTYPE = of(TypeOids.REGTYPE);
    public static final SqlType REGPROC = of(TypeOids.REGPROC);
    public static final SqlType INT2VECTOR = of(TypeOids.INT2VECTOR);
    public static final SqlType OIDVECTOR = of(TypeOids.OIDVECTOR);
    public static final SqlType TEXT_ARRAY = of(TypeOids.TEXT_ARRAY);
    public static final SqlType INT4_ARRAY = of(TypeOids.INT4_ARRAY);
    public static final SqlType INT8_ARRAY = of(TypeOids.INT8_ARRAY);

    public static SqlType of(int oid) {
        return new SqlType(oid, -1);
    }

    /** Whether this is an array type (int2vector and oidvector included). */
    public boolean isArray() {
        return BuiltinTypes.elementOf(oid) != 0;
    }

    /** The element type of an array type, keeping the typmod (varchar(3)[] → varchar(3)). */
    public SqlType elementType() {
        int e = BuiltinTypes.elementOf(oid);
        if (e == 0) {
            throw new IllegalStateException("type " + oid + " is not an array");
        }
        return new SqlType(e, typmod);
    }

    /** The array type of this element type (typmod kept), or null when it has none. */
    public SqlType arrayType() {
        int a = BuiltinTypes.arrayOf(oid);
        return a == 0 ? null : new SqlType(a, typmod);
    }
}
