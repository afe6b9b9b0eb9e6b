package io.shale.common.types;

/** int2, int4 and int8 as Short, Integer and Long. */
final class IntegerCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        long v = parseLong(type.oid(), text);
        return switch (type.oid()) {
            case TypeOids.INT2 -> {
                if (v != (short) v) {
                    throw TypeErrors.valueOutOfRange(type.oid(), text);
                }
                yield (short) v;
            }
            case TypeOids.INT4 -> {
                if (v != (int) v) {
                    throw TypeErrors.valueOutOfRange(type.oid(), text);
                }
                yield (int) v;
            }
            default -> v;
        };
    }

    /** Parses an integer with optional surrounding spaces and sign, as int8in does. */
    static long parseLong(int oid, String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (n > i && Character.isWhitespace(text.charAt(n - 1))) {
            n--;
        }
        boolean neg = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            neg = text.charAt(i) == '-';
            i++;
        }
        if (i >= n) {
            throw TypeErrors.invalidSyntax(oid, text);
        }
        long acc = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw TypeErrors.invalidSyntax(oid, text);
            }
            int d = c - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) {
                throw TypeErrors.valueOutOfRange(oid, text);
            }
            acc = acc * 10 - d;
        }
        if (!neg) {
            if (acc == Long.MIN_VALUE) {
                throw TypeErrors.valueOutOfRange(oid, text);
            }
            acc = -acc;
        }
        return acc;
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        switch (type.oid()) {
            case TypeOids.INT2 -> out.putShort(((Number) value).shortValue());
            case TypeOids.INT4 -> out.putInt(((Number) value).intValue());
            default -> out.putLong(((Number) value).longValue());
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        return switch (type.oid()) {
            case TypeOids.INT2 -> {
                ValueCodec.expectLength(len, 2);
                yield ValueCodec.getShort(buf, off);
            }
            case TypeOids.INT4 -> {
                ValueCodec.expectLength(len, 4);
                yield ValueCodec.getInt(buf, off);
            }
            default -> {
                ValueCodec.expectLength(len, 8);
                yield ValueCodec.getLong(buf, off);
            }
        };
    }
}
