package io.shale.catalog.distribution;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.Inet;
import io.shale.common.types.Interval;
import io.shale.common.types.Jsonb;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * PostgreSQL's standard 32-bit hash functions (hash opclass support function 1), the ones Citus
 * hashes distribution values with ({@code reference/citus.md} §3.1–§3.3), over Shale's value
 * representation. Stateless and thread-safe.
 */
public final class HashFunctions {
    private HashFunctions() {
    }

    /**
     * The hash of a non-null value of the given type, as {@code worker_hash} returns it; 0A000 for a
     * type whose hash is not supported, 42883 for a type PostgreSQL has no hash function for.
     */
    public static int hash(SqlType type, Object value) {
        return switch (type.oid()) {
            case TypeOids.INT2 -> hashInt4((Short) value);
            case TypeOids.INT4 -> hashInt4((Integer) value);
            case TypeOids.INT8 -> hashInt8((Long) value);
            case TypeOids.OID, TypeOids.REGPROC, TypeOids.REGPROCEDURE, TypeOids.REGOPER, TypeOids.REGOPERATOR,
                 TypeOids.REGCLASS, TypeOids.REGTYPE, TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGCONFIG,
                 TypeOids.REGCOLLATION, TypeOids.XID, TypeOids.CID -> hashOid((Long) value);
            case TypeOids.BOOL -> hashBool((Boolean) value);
            case TypeOids.CHAR -> hashChar((String) value);
            case TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.NAME -> hashText((String) value);
            case TypeOids.BPCHAR -> hashBpchar((String) value);
            case TypeOids.BYTEA -> JenkinsHash.hashBytes((byte[]) value);
            case TypeOids.DATE -> DateTimeHash.hashDate((LocalDate) value);
            case TypeOids.TIME -> DateTimeHash.hashTime((LocalTime) value);
            case TypeOids.TIMESTAMP -> DateTimeHash.hashTimestamp((LocalDateTime) value);
            case TypeOids.TIMESTAMPTZ -> DateTimeHash.hashTimestamptz((Instant) value);
            case TypeOids.UUID -> hashUuid((UUID) value);
            case TypeOids.FLOAT4 -> hashFloat8((Float) value);
            case TypeOids.FLOAT8 -> hashFloat8((Double) value);
            case TypeOids.NUMERIC -> NumericHash.hash((BigDecimal) value);
            case TypeOids.JSONB -> JsonbHash.hash((Jsonb) value);
            case TypeOids.INTERVAL -> DateTimeHash.hashInterval((Interval) value);
            case TypeOids.TIMETZ -> DateTimeHash.hashTimetz((OffsetTime) value);
            case TypeOids.INET, TypeOids.CIDR -> hashInet((Inet) value);
            case TypeOids.JSON, TypeOids.XML, TypeOids.UNKNOWN -> throw new ShaleException(ErrorCode.UNDEFINED_FUNCTION,
                    "could not identify a hash function for type " + typeName(type));
            default -> {
                if (type.isArray() && type.oid() != TypeOids.INT2VECTOR && type.oid() != TypeOids.OIDVECTOR) {
                    yield hashArray(type.elementType(), (ArrayValue) value);
                }
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "hashing values of type " + typeName(type) + " is not supported");
            }
        };
    }

    /**
     * {@code hash_array}: starting from 1, each element in row-major order multiplies the hash by
     * 31 and adds its own hash (0 for NULL); dimensions and lower bounds are not hashed.
     */
    public static int hashArray(SqlType elementType, ArrayValue array) {
        int result = 1;
        for (Object element : array.elements()) {
            result = 31 * result + (element == null ? 0 : hash(elementType, element));
        }
        return result;
    }

    /** {@code hashint4} (and {@code hashint2}, after sign extension). */
    public static int hashInt4(int v) {
        return JenkinsHash.hashUint32(v);
    }

    /** {@code hashint8}: the high word folded into the low one, so int4-range values hash as int4. */
    public static int hashInt8(long v) {
        int low = (int) v;
        int high = (int) (v >>> 32);
        return JenkinsHash.hashUint32(low ^ (v >= 0 ? high : ~high));
    }

    /** {@code hashoid} of an unsigned 32-bit value held in a long. */
    public static int hashOid(long oid) {
        return JenkinsHash.hashUint32((int) oid);
    }

    /**
     * {@code hashenum}: the hash of the pg_enum oid of the label (not of its text), so the caller
     * resolves the label through the catalog first; {@link #hash} refuses enum types.
     */
    public static int hashEnum(long labelOid) {
        return hashOid(labelOid);
    }

    /** {@code hashbool}: false and true hash as the "char" bytes 0 and 1. */
    public static int hashBool(boolean v) {
        return JenkinsHash.hashUint32(v ? 1 : 0);
    }

    /** {@code hashchar} of a "char" value (a String of one char U+0000..U+00FF, or empty for byte 0). */
    public static int hashChar(String v) {
        int b = v.isEmpty() ? 0 : (byte) v.charAt(0);
        return JenkinsHash.hashUint32(b);
    }

    /** {@code hashtext} (deterministic collation): the hash of the UTF-8 bytes. */
    public static int hashText(String v) {
        return JenkinsHash.hashBytes(v.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code hashbpchar}: trailing spaces do not count. */
    public static int hashBpchar(String v) {
        int end = v.length();
        while (end > 0 && v.charAt(end - 1) == ' ') {
            end--;
        }
        return hashText(end == v.length() ? v : v.substring(0, end));
    }

    /** {@code uuid_hash}: hash_bytes of the 16 bytes in textual order. */
    public static int hashUuid(UUID v) {
        byte[] bytes = new byte[16];
        long msb = v.getMostSignificantBits();
        long lsb = v.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return JenkinsHash.hashBytes(bytes);
    }

    /** {@code hashfloat8} (float4 widens first): zeros hash to 0, every NaN as the canonical one. */
    public static int hashFloat8(double v) {
        if (v == 0.0) {
            return 0;
        }
        long bits = Double.doubleToLongBits(v);
        return JenkinsHash.hashEightBytes((int) bits, (int) (bits >>> 32));
    }

    /** {@code hashinet}: hash_bytes of the family (2 IPv4, 3 IPv6), the prefix bits and the address. */
    public static int hashInet(Inet v) {
        byte[] address = v.address();
        byte[] key = new byte[address.length + 2];
        key[0] = (byte) (v.ipv6() ? 3 : 2);
        key[1] = (byte) v.bits();
        System.arraycopy(address, 0, key, 2, address.length);
        return JenkinsHash.hashBytes(key);
    }

    private static String typeName(SqlType type) {
        String name = TypeNames.format(type);
        return name.equals("???") ? "with oid " + type.oid() : name;
    }
}
