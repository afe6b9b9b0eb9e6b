package io.shale.common.types;

/** The table from type oid to the codec of its family. */
final class Codecs {
    static final BoolCodec BOOL = new BoolCodec();
    static final IntegerCodec INTEGER = new IntegerCodec();
    static final OidCodec OID = new OidCodec();
    static final FloatCodec FLOAT = new FloatCodec();
    static final NumericCodec NUMERIC = new NumericCodec();
    static final StringCodec STRING = new StringCodec();
    static final ByteaCodec BYTEA = new ByteaCodec();
    static final UuidCodec UUID = new UuidCodec();
    static final InetCodec INET = new InetCodec();
    static final JsonbCodec JSONB = new JsonbCodec();
    static final DateCodec DATE = new DateCodec();
    static final TimeCodec TIME = new TimeCodec();
    static final TimestampCodec TIMESTAMP = new TimestampCodec();
    static final IntervalCodec INTERVAL = new IntervalCodec();
    static final ArrayCodec ARRAY = new ArrayCodec();
    static final RecordCodec RECORD = new RecordCodec();

    private Codecs() {
    }

    /** The codec of {@code oid}, or null when the type has no supported I/O. */
    static ValueCodec forOid(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> BOOL;
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8 -> INTEGER;
            case TypeOids.OID, TypeOids.REGPROC, TypeOids.REGPROCEDURE, TypeOids.REGCLASS, TypeOids.REGTYPE,
                 TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGOPER, TypeOids.REGOPERATOR,
                 TypeOids.REGCONFIG, TypeOids.REGCOLLATION, TypeOids.XID, TypeOids.CID -> OID;
            case TypeOids.FLOAT4, TypeOids.FLOAT8 -> FLOAT;
            case TypeOids.NUMERIC -> NUMERIC;
            case TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.CHAR,
                 TypeOids.UNKNOWN, TypeOids.JSON, TypeOids.XML, TypeOids.CSTRING, TypeOids.PG_NODE_TREE,
                 TypeOids.VOID, TypeOids.ACLITEM -> STRING;
            case TypeOids.BYTEA -> BYTEA;
            case TypeOids.UUID -> UUID;
            case TypeOids.INET, TypeOids.CIDR -> INET;
            case TypeOids.JSONB -> JSONB;
            case TypeOids.DATE -> DATE;
            case TypeOids.TIME, TypeOids.TIMETZ -> TIME;
            case TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> TIMESTAMP;
            case TypeOids.INTERVAL -> INTERVAL;
            case TypeOids.RECORD -> RECORD;
            default -> BuiltinTypes.isEnum(oid) ? STRING : BuiltinTypes.elementOf(oid) != 0 ? ARRAY : null;
        };
    }

    static ValueCodec require(int oid, String what) {
        ValueCodec c = forOid(oid);
        if (c == null) {
            throw TypeErrors.unsupported(oid, what);
        }
        return c;
    }
}
