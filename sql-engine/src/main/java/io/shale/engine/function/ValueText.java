package io.shale.engine.function;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The text form of a value as its type's output function prints it (ISO DateStyle, postgres
 * IntervalStyle), for functions that turn any argument into text (concat, format, ||). The
 * value's Java class identifies its type (TYPES.md). Stand-in for {@code TextCodec.format}.
 */
final class ValueText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {
    }

    static String format(Object value, EvalContext context) {
        return format(value, context.formatSettings());
    }

    static String format(Object value, FormatSettings settings) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b ? "t" : "f";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d -> formatDouble(d, 15);
            case Float f -> formatFloat(f);
            case byte[] b -> hex(b);
            case LocalDate d -> formatDate(d);
            case LocalDateTime t -> formatTimestamp(t);
            case Instant i -> formatTimestamptz(i, settings);
            case LocalTime t -> formatTime(t);
            case java.time.OffsetTime t -> formatTime(t.toLocalTime()) + offset(t.getOffset());
            case Interval i -> formatInterval(i);
            case ArrayValue a -> formatArray(a, settings);
            case Inet i -> i.toString();
            default -> TextCodec.format(SqlType.TEXT, value, settings);
        };
    }

    /** The text of a value cast to text: like its output, but booleans are {@code true}/{@code false}. */
    static String castToText(Object value, EvalContext context) {
        return value instanceof Boolean b ? b.toString() : format(value, context);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(2 + b.length * 2).append("\\x");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 15]).append(HEX[x & 15]);
        }
        return sb.toString();
    }

    static String formatFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return formatDouble(f, 6);
        }
        return shortest(new BigDecimal(Float.toString(f)), 6, f == 0 && 1 / f < 0);
    }

    static String formatDouble(double d, int digits) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return shortest(new BigDecimal(Double.toString(d)), digits, d == 0 && 1 / d < 0);
    }

    private static String shortest(BigDecimal v, int digits, boolean negativeZero) {
        if (v.signum() == 0) {
            return negativeZero ? "-0" : "0";
        }
        v = v.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String unscaled = v.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (v.signum() < 0) {
                sb.append('-');
            }
            sb.append(unscaled.charAt(0));
            if (unscaled.length() > 1) {
                sb.append('.').append(unscaled, 1, unscaled.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                sb.append('0');
            }
            return sb.append(e).toString();
        }
        return v.toPlainString();
    }

    static String formatDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        int year = d.getYear();
        String text = pad(year > 0 ? year : 1 - year, 4) + "-" + pad(d.getMonthValue(), 2) + "-" + pad(d.getDayOfMonth(), 2);
        return year > 0 ? text : text + " BC";
    }

    static String formatTime(LocalTime t) {
        StringBuilder sb = new StringBuilder(15);
        sb.append(pad(t.getHour(), 2)).append(':').append(pad(t.getMinute(), 2)).append(':').append(pad(t.getSecond(), 2));
        appendFraction(sb, t.getNano() / 1000);
        return sb.toString();
    }

    static String formatTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        String date = formatDate(t.toLocalDate());
        String time = formatTime(t.toLocalTime());
        return date.endsWith(" BC") ? date.substring(0, date.length() - 3) + " " + time + " BC" : date + " " + time;
    }

    static String formatTimestamptz(Instant i, FormatSettings settings) {
        if (i.equals(Instant.MAX)) {
            return "infinity";
        }
        if (i.equals(Instant.MIN)) {
            return "-infinity";
        }
        ZonedDateTime z = i.atZone(settings.timeZone());
        return formatTimestamp(z.toLocalDateTime()) + offset(z.getOffset());
    }

    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder sb = new StringBuilder(total < 0 ? "-" : "+").append(pad(abs / 3600, 2));
        if (abs % 3600 != 0) {
            sb.append(':').append(pad(abs / 60 % 60, 2));
            if (abs % 60 != 0) {
                sb.append(':').append(pad(abs % 60, 2));
            }
        }
        return sb.toString();
    }

    static String formatInterval(Interval v) {
        StringBuilder sb = new StringBuilder();
        int years = v.months() / 12;
        int months = v.months() % 12;
        boolean negative = false;
        negative |= appendUnit(sb, years, "year");
        negative |= appendUnit(sb, months, "mon");
        negative |= appendUnit(sb, v.days(), "day");
        long micros = v.micros();
        if (micros != 0 || sb.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            if (micros < 0) {
                sb.append('-');
            } else if (negative) {
                sb.append('+');
            }
            long m = Math.abs(micros);
            long seconds = m / 1_000_000;
            sb.append(pad(seconds / 3600, 2)).append(':').append(pad(seconds / 60 % 60, 2)).append(':')
                    .append(pad(seconds % 60, 2));
            appendFraction(sb, (int) (m % 1_000_000));
        }
        return sb.toString();
    }

    private static boolean appendUnit(StringBuilder sb, int value, String unit) {
        if (value == 0) {
            return false;
        }
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        return value < 0;
    }

    private static void appendFraction(StringBuilder sb, int micros) {
        if (micros == 0) {
            return;
        }
        String f = pad(micros, 6);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(f, 0, end);
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    static String formatArray(ArrayValue a, FormatSettings settings) {
        StringBuilder sb = new StringBuilder();
        if (a.ndims() == 0) {
            return "{}";
        }
        boolean custom = false;
        for (int lb : a.lowerBounds()) {
            custom |= lb != 1;
        }
        if (custom) {
            for (int d = 0; d < a.ndims(); d++) {
                sb.append('[').append(a.lowerBounds()[d]).append(':').append(a.lowerBounds()[d] + a.dimensions()[d] - 1)
                        .append(']');
            }
            sb.append('=');
        }
        int[] index = {0};
        appendLevel(sb, a, 0, index, settings);
        return sb.toString();
    }

    private static void appendLevel(StringBuilder sb, ArrayValue a, int dim, int[] index, FormatSettings settings) {
        sb.append('{');
        for (int i = 0; i < a.dimensions()[dim]; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (dim + 1 < a.ndims()) {
                appendLevel(sb, a, dim + 1, index, settings);
            } else {
                Object e = a.elements()[index[0]++];
                sb.append(e == null ? "NULL" : quoteElement(format(e, settings)));
            }
        }
        sb.append('}');
    }

    private static String quoteElement(String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || Character.isWhitespace(c);
        }
        if (!quote) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
