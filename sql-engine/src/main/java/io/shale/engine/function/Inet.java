package io.shale.engine.function;

/**
 * Stand-in for {@code io.shale.common.types.Inet} (TYPES.md) until the common module has it: an
 * IPv4 (4 bytes) or IPv6 (16 bytes) address and its netmask length. inet and cidr share it.
 */
record Inet(byte[] address, int bits) {

    boolean ipv4() {
        return address.length == 4;
    }

    int maxBits() {
        return address.length * 8;
    }

    /** The address with the host bits cleared (or set, for the broadcast address). */
    Inet masked(boolean setHostBits) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length * 8; i++) {
            if (i >= bits) {
                int mask = 0x80 >>> (i % 8);
                out[i / 8] = (byte) (setHostBits ? out[i / 8] | mask : out[i / 8] & ~mask);
            }
        }
        return new Inet(out, bits);
    }

    /** The address part as PostgreSQL prints it (IPv6 compressed, IPv4-mapped in dotted form). */
    String host() {
        if (ipv4()) {
            return (address[0] & 255) + "." + (address[1] & 255) + "." + (address[2] & 255) + "." + (address[3] & 255);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((address[2 * i] & 255) << 8) | (address[2 * i + 1] & 255);
        }
        boolean mapped = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 && words[4] == 0
                && words[5] == 0xffff;
        int limit = mapped ? 6 : 8;
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < limit; ) {
            int j = i;
            while (j < limit && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < limit; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(words[i]));
            if (i + 1 < limit || mapped) {
                sb.append(':');
            }
        }
        if (mapped) {
            sb.append(address[12] & 255).append('.').append(address[13] & 255).append('.').append(address[14] & 255)
                    .append('.').append(address[15] & 255);
        }
        return sb.toString();
    }

    /** inet output: the mask only when it is not the full length. */
    @Override
    public String toString() {
        return bits == maxBits() ? host() : host() + "/" + bits;
    }
}
