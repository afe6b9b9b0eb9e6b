package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.UUID;

/** record values ({@link RowValue}): text output {@code (1,"a b",)} only; field types follow the Java class. */
final class RecordCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        RowValue r = (RowValue) value;
        StringBuilder sb = new StringBuilder().append('(');
        for (int i = 0; i < r.fields().length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = r.fields()[i];
            if (f == null) {
                continue;
            }
            SqlType ft = typeOf(f);
            String v = Codecs.require(ft.oid(), "text output").format(ft, f, settings);
            boolean quote = v.isEmpty();
            for (int k = 0; k < v.length() && !quote; k++) {
                char c = v.charAt(k);
                quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || ArrayText.isSpace(c);
            }
            if (!quote) {
                sb.append(v);
                continue;
            }
            sb.append('"');
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') {
                    sb.append(c);
                }
                sb.append(c);
            }
            sb.append('"');
        }
        return sb.append(')').toString();
    }

    /** The SQL type a Java value stands for when no type is given (records' fields). */
    static SqlType typeOf(Object v) {
        return switch (v) {
            case Boolean b -> SqlType.BOOL;
            case Short s -> SqlType.INT2;
            case Integer i -> SqlType.INT4;
            case Long l -> SqlType.INT8;
            case Float f -> SqlType.FLOAT4;
            case Double d -> SqlType.FLOAT8;
            case BigDecimal d -> SqlType.NUMERIC;
            case byte[] b -> SqlType.BYTEA;
            case LocalDate d -> SqlType.DATE;
            case LocalTime t -> SqlType.TIME;
            case OffsetTime t -> SqlType.of(TypeOids.TIMETZ);
            case LocalDateTime t -> SqlType.TIMESTAMP;
            case Instant i -> SqlType.TIMESTAMPTZ;
            case Interval i -> SqlType.INTERVAL;
            case UUID u -> SqlType.UUID;
            case Inet i -> SqlType.of(TypeOids.INET);
            case Jsonb j -> SqlType.JSONB;
            case ArrayValue a -> SqlType.of(BuiltinTypes.arrayOf(a.elementOid()));
            case RowValue r -> SqlType.of(TypeOids.RECORD);
            default -> SqlType.TEXT;
        };
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not supported");
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        throw TypeErrors.unsupported(type.oid(), "binary output");
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        throw TypeErrors.unsupported(type.oid(), "binary input");
    }
}
