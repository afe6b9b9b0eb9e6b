package io.shale.engine.function;

import java.time.ZoneOffset;

/** Zero-padded numbers and UTC offsets as to_char and the date/time functions print them. */
final class DateTimeText {
    private DateTimeText() {
    }

    /** {@code value} with leading zeros up to {@code width} digits. */
    static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** An offset as {@code +05}, {@code -03:30} or {@code +00:00:30}: minutes and seconds only when set. */
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
}
