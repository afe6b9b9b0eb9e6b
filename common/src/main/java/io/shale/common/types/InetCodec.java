package io.shale.common.types;

/** inet and cidr as {@link Inet}; binary: family, bits, is_cidr, nb, address bytes. */
final class InetCodec implements ValueCodec {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 3;

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return ((Inet) value).format(type.oid() == TypeOids.CIDR);
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return Inet.parse(text, type.oid() == TypeOids.CIDR);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        Inet i = (Inet) value;
        byte[] a = i.address();
        out.putByte(i.ipv6() ? AF_INET6 : AF_INET).putByte(i.bits()).putByte(type.oid() == TypeOids.CIDR ? 1 : 0)
                .putByte(a.length).putBytes(a);
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        int nb = buf[off + 3] & 0xFF;
        if ((nb != 4 && nb != 16) || len != 4 + nb) {
            throw TypeErrors.badBinary();
        }
        byte[] a = java.util.Arrays.copyOfRange(buf, off + 4, off + 4 + nb);
        int bits = buf[off + 1] & 0xFF;
        if (bits > nb * 8) {
            throw TypeErrors.badBinary();
        }
        return new Inet(a, bits);
    }
}
