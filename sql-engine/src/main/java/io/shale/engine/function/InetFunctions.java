package io.shale.engine.function;

import io.shale.common.types.Inet;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/** Network address functions and operators (PostgreSQL documentation 9.12) on inet and cidr. */
final class InetFunctions {
    private static final SqlType INET = SqlType.of(TypeOids.INET);
    private static final SqlType CIDR = SqlType.of(TypeOids.CIDR);
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType BOOL = SqlType.BOOL;

    private InetFunctions() {
    }

    static void register(Registrar r) {
        r.def("host", TEXT).args(INET).scalar((c, a) -> host((Inet) a[0]));
        r.def("masklen", SqlType.INT4).args(INET).scalar((c, a) -> ((Inet) a[0]).bits());
        r.def("family", SqlType.INT4).args(INET).scalar((c, a) -> ((Inet) a[0]).ipv6() ? 6 : 4);
        r.def("network", CIDR).args(INET).scalar((c, a) -> ((Inet) a[0]).network());
        r.def("broadcast", INET).args(INET).scalar((c, a) -> broadcast((Inet) a[0]));
        r.def("netmask", INET).args(INET).scalar((c, a) -> mask((Inet) a[0], false));
        r.def("hostmask", INET).args(INET).scalar((c, a) -> mask((Inet) a[0], true));
        r.def("text", TEXT).args(INET).scalar((c, a) -> ((Inet) a[0]).format(true));
        r.def("abbrev", TEXT).args(INET).scalar((c, a) -> a[0].toString());
        r.def("set_masklen", INET).args(INET, SqlType.INT4).scalar((c, a) -> {
            Inet v = (Inet) a[0];
            int bits = (int) a[1] == -1 ? v.maxBits() : (int) a[1];
            if (bits < 0 || bits > v.maxBits()) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid mask length: " + a[1]);
            }
            return new Inet(v.address(), bits);
        });
    }

    static void register(OperatorRegistrar r) {
        r.binary("<<", INET, INET, BOOL, (c, a) -> within((Inet) a[0], (Inet) a[1], false));
        r.binary("<<=", INET, INET, BOOL, (c, a) -> within((Inet) a[0], (Inet) a[1], true));
        r.binary(">>", INET, INET, BOOL, (c, a) -> within((Inet) a[1], (Inet) a[0], false));
        r.binary(">>=", INET, INET, BOOL, (c, a) -> within((Inet) a[1], (Inet) a[0], true));
        r.binary("&&", INET, INET, BOOL, (c, a) -> overlaps((Inet) a[0], (Inet) a[1]));
    }

    /** The address without its prefix length, as host() prints it. */
    private static String host(Inet v) {
        return new Inet(v.address(), v.maxBits()).format(false);
    }

    /** The address with every host bit set. */
    private static Inet broadcast(Inet v) {
        byte[] out = v.address();
        for (int i = v.bits(); i < out.length * 8; i++) {
            out[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new Inet(out, v.bits());
    }

    private static Inet mask(Inet v, boolean host) {
        byte[] out = new byte[v.address().length];
        for (int i = 0; i < out.length * 8; i++) {
            if (i < v.bits() != host) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return new Inet(out, v.maxBits());
    }

    /** Whether the first {@code bits} bits of two addresses agree. */
    private static int comparePrefix(byte[] x, byte[] y, int bits) {
        for (int i = 0; i < bits; i++) {
            int a = (x[i / 8] >>> (7 - i % 8)) & 1;
            int b = (y[i / 8] >>> (7 - i % 8)) & 1;
            if (a != b) {
                return a - b;
            }
        }
        return 0;
    }

    /** {@code inner << outer} (or {@code <<=} when {@code orEqual}). */
    private static boolean within(Inet inner, Inet outer, boolean orEqual) {
        if (inner.ipv6() != outer.ipv6()) {
            return false;
        }
        boolean narrower = orEqual ? inner.bits() >= outer.bits() : inner.bits() > outer.bits();
        return narrower && comparePrefix(inner.address(), outer.address(), outer.bits()) == 0;
    }

    private static boolean overlaps(Inet x, Inet y) {
        return x.ipv6() == y.ipv6()
                && comparePrefix(x.address(), y.address(), Math.min(x.bits(), y.bits())) == 0;
    }
}
