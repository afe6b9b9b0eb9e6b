package io.shale.common.types;

/** oid, xid, cid and the reg* types: unsigned 32-bit numbers held as Long. */
final class OidCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        long v = (Long) value;
        return switch (type.oid()) {
            case TypeOids.OID, TypeOids.XID, TypeOids.CID -> Long.toString(v);
            default -> v == 0 ? "-" : settings.oidNames().name(type.oid(), v);
        };
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        String s = text.trim();
        boolean numeric = !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+');
        if (type.oid() == TypeOids.OID || type.oid() == TypeOids.XID || type.oid() == TypeOids.CID || numeric) {
            long v = IntegerCodec.parseLong(TypeOids.OID, text);
            if (v < -2147483648L || v > 4294967295L) {
                throw TypeErrors.valueOutOfRange(TypeOids.OID, text);
            }
            return v & 0xFFFFFFFFL;
        }
        if (s.equals("-")) {
            return 0L;
        }
        return settings.oidNames().oid(type.oid(), s);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putInt((int) (long) (Long) value);
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 4);
        return ValueCodec.getInt(buf, off) & 0xFFFFFFFFL;
    }
}
