package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Arrays;

/**
 * An inet or cidr value: 4 (IPv4) or 16 (IPv6) address bytes and a prefix length in bits.
 * Which of the two types it is comes from the context.
 */
public record Inet(byte[] address, int bits) implements Comparable<Inet> {
    public Inet {
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes");
        }
        address = address.clone();
    }

    public boolean ipv6() {
        return address.length == 16;
    }

    public int maxBits() {
        return address.length * 8;
    }

    /** The address bytes (a copy). */
    @Override
    public byte[] address() {
        return address.clone();
    }

    /** Parses PostgreSQL's text form; {@code cidr} requires no bits right of the mask. */
    public static Inet parse(String text, boolean cidr) {
        String typeName = cidr ? "cidr" : "inet";
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = addr.indexOf(':') >= 0 ? parseV6(addr) : parseV4(addr, cidr);
        if (bytes == null) {
            throw invalid(typeName, text);
        }
        int bits;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(typeName, text);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw invalid(typeName, text);
            }
        } else if (cidr && bytes.length == 4) {
            bits = classfulBits(addr);
        } else {
            bits = bytes.length * 8;
        }
        if (cidr) {
            for (int i = 0; i < bytes.length * 8; i++) {
                if (i >= bits && (bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
                    throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                            "invalid cidr value: \"" + text + "\"")
                            .withDetail("Value has bits set to right of mask.");
                }
            }
        }
        return new Inet(bytes, bits);
    }

    private static int classfulBits(String addr) {
        int parts = addr.split("\\.", -1).length;
        return Math.max(8, Math.min(32, parts * 8));
    }

    private static byte[] parseV4(String s, boolean allowShort) {
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4 || (parts.length < 4 && !allowShort)) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseV6(String s) {
        byte[] b = new byte[16];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl < 0 ? s : s.substring(0, dbl);
        String tail = dbl < 0 ? "" : s.substring(dbl + 2);
        int[] hw = groups(head);
        int[] tw = groups(tail);
        if (hw == null || tw == null) {
            return null;
        }
        int total = hw.length + tw.length;
        if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
            return null;
        }
        for (int i = 0; i < hw.length; i++) {
            b[2 * i] = (byte) (hw[i] >>> 8);
            b[2 * i + 1] = (byte) hw[i];
        }
        for (int i = 0; i < tw.length; i++) {
            int w = 8 - tw.length + i;
            b[2 * w] = (byte) (tw[i] >>> 8);
            b[2 * w + 1] = (byte) tw[i];
        }
        return b;
    }

    /** The 16-bit groups of a colon-separated part; a trailing dotted quad counts as two groups. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        boolean v4 = g[g.length - 1].indexOf('.') >= 0;
        int[] out = new int[g.length + (v4 ? 1 : 0)];
        for (int i = 0; i < g.length; i++) {
            if (v4 && i == g.length - 1) {
                byte[] q = parseV4(g[i], false);
                if (q == null) {
                    return null;
                }
                out[i] = ((q[0] & 0xFF) << 8) | (q[1] & 0xFF);
                out[i + 1] = ((q[2] & 0xFF) << 8) | (q[3] & 0xFF);
            } else {
                if (g[i].isEmpty() || g[i].length() > 4) {
                    return null;
                }
                try {
                    out[i] = Integer.parseInt(g[i], 16);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return out;
    }

    /** The same prefix with the host bits cleared (what a cast to cidr keeps). */
    public Inet network() {
        byte[] a = address.clone();
        for (int i = bits; i < a.length * 8; i++) {
            a[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        return new Inet(a, bits);
    }

    /** PostgreSQL's text form: inet omits a full-length prefix, cidr always shows it. */
    public String format(boolean cidr) {
        String a = ipv6() ? formatV6() : formatV4(0);
        return cidr || bits != maxBits() ? a + "/" + bits : a;
    }

    private String formatV4(int off) {
        return (address[off] & 0xFF) + "." + (address[off + 1] & 0xFF) + "." + (address[off + 2] & 0xFF)
                + "." + (address[off + 3] & 0xFF);
    }

    private String formatV6() {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestBase) {
                sb.append(':');
                i += bestLen - 1;
                if (i == 7) {
                    sb.append(':');
                }
                continue;
            }
            if (i > 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
                sb.append(formatV4(12));
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /** PostgreSQL's order: family, then network bits, then prefix length, then the whole address. */
    @Override
    public int compareTo(Inet o) {
        int c = Integer.compare(address.length, o.address.length);
        if (c != 0) {
            return c;
        }
        int common = Math.min(bits, o.bits);
        c = compareBits(address, o.address, common);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(bits, o.bits);
        return c != 0 ? c : compareBits(address, o.address, maxBits());
    }

    private static int compareBits(byte[] a, byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            int x = (a[i / 8] >>> (7 - i % 8)) & 1;
            int y = (b[i / 8] >>> (7 - i % 8)) & 1;
            if (x != y) {
                return x - y;
            }
        }
        return 0;
    }

    private static ShaleException invalid(String type, String text) {
        return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inet i && i.bits == bits && Arrays.equals(i.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + bits;
    }

    @Override
    public String toString() {
        return format(false);
    }
}
