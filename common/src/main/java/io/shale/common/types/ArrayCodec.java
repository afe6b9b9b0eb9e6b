package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * Arrays of any supported element type as {@link ArrayValue}, including int2vector and oidvector
 * (one dimension, lower bound 0, space-separated text). Binary: ndim, hasnull, element oid,
 * (size, lower bound) per dimension, then length-prefixed elements (-1 for NULL).
 */
final class ArrayCodec implements ValueCodec {
    private static boolean isVector(int oid) {
        return oid == TypeOids.INT2VECTOR || oid == TypeOids.OIDVECTOR;
    }

    private static SqlType elementType(SqlType arrayType) {
        return new SqlType(BuiltinTypes.elementOf(arrayType.oid()), arrayType.typmod());
    }

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        ArrayValue a = (ArrayValue) value;
        SqlType et = elementType(type);
        if (isVector(type.oid())) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(a.get(i));
            }
            return sb.toString();
        }
        return ArrayText.format(a, et, settings);
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        SqlType et = elementType(type);
        if (isVector(type.oid())) {
            String t = text.trim();
            if (t.isEmpty()) {
                return new ArrayValue(et.oid(), new int[] {0}, new int[] {0}, new Object[0]);
            }
            String[] parts = t.split("\\s+");
            Object[] els = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                els[i] = Codecs.require(et.oid(), "text input").parse(et, parts[i], settings);
            }
            return new ArrayValue(et.oid(), new int[] {els.length}, new int[] {0}, els);
        }
        return ArrayText.parse(text, et, settings);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        writeArray((ArrayValue) value, elementType(type), out, settings);
    }

    /** array_send of an array whose element type is given (also for arrays of user types). */
    static void writeArray(ArrayValue a, SqlType et, ByteSink out, FormatSettings settings) {
        ValueCodec codec = Codecs.require(et.oid(), "binary output");
        out.putInt(a.ndims()).putInt(a.hasNulls() ? 1 : 0).putInt(et.oid());
        for (int d = 0; d < a.ndims(); d++) {
            out.putInt(a.dims()[d]).putInt(a.lowerBounds()[d]);
        }
        for (Object e : a.elements()) {
            if (e == null) {
                out.putInt(-1);
                continue;
            }
            int lenPos = out.length();
            out.putInt(0);
            codec.write(et, e, out, settings);
            int n = out.length() - lenPos - 4;
            out.setByte(lenPos, n >>> 24);
            out.setByte(lenPos + 1, n >>> 16);
            out.setByte(lenPos + 2, n >>> 8);
            out.setByte(lenPos + 3, n);
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        int end = off + len;
        int ndim = ValueCodec.getInt(buf, off);
        int elemOid = ValueCodec.getInt(buf, off + 8);
        SqlType et = elementType(type);
        if (ndim < 0 || ndim > 6 || (elemOid != et.oid() && ndim > 0)) {
            throw new ShaleException(ErrorCode.INVALID_BINARY_REPRESENTATION,
                    ndim < 0 || ndim > 6 ? "invalid number of dimensions: " + ndim
                            : "binary data has array element type " + elemOid + " instead of expected " + et.oid());
        }
        int p = off + 12;
        int[] dims = new int[ndim];
        int[] lbs = new int[ndim];
        long total = ndim == 0 ? 0 : 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = ValueCodec.getInt(buf, p);
            lbs[d] = ValueCodec.getInt(buf, p + 4);
            p += 8;
            total *= dims[d];
        }
        if (total < 0 || total > (end - p) / 4) {
            throw TypeErrors.badBinary();
        }
        ValueCodec codec = Codecs.require(et.oid(), "binary input");
        Object[] els = new Object[(int) total];
        for (int i = 0; i < els.length; i++) {
            int n = ValueCodec.getInt(buf, p);
            p += 4;
            if (n == -1) {
                continue;
            }
            if (n < 0 || p + n > end) {
                throw TypeErrors.badBinary();
            }
            els[i] = codec.read(et, buf, p, n, settings);
            p += n;
        }
        if (p != end) {
            throw TypeErrors.badBinary();
        }
        if (total == 0) {
            return isVector(type.oid()) ? new ArrayValue(et.oid(), new int[] {0}, new int[] {0}, els)
                    : ArrayValue.empty(et.oid());
        }
        return new ArrayValue(et.oid(), dims, lbs, els);
    }
}
