package io.shale.common.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text output of date, time, timestamp and timestamptz in the four DateStyles. */
final class DateTimeFormat {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final DateTimeFormatter ZONE_ABBREV = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private DateTimeFormat() {
    }

    static String date(LocalDate d, FormatSettings s) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, d, s);
        appendEra(sb, d);
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate d, FormatSettings s) {
        int y = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        boolean dmy = s.dateOrder() == FormatSettings.DateOrder.DMY;
        switch (s.dateStyle()) {
            case ISO -> {
                pad(sb, y, 4).append('-');
                pad(sb, d.getMonthValue(), 2).append('-');
                pad(sb, d.getDayOfMonth(), 2);
            }
            case SQL, POSTGRES -> {
                char sep = s.dateStyle() == FormatSettings.DateStyle.SQL ? '/' : '-';
                pad(sb, dmy ? d.getDayOfMonth() : d.getMonthValue(), 2).append(sep);
                pad(sb, dmy ? d.getMonthValue() : d.getDayOfMonth(), 2).append(sep);
                pad(sb, y, 4);
            }
            case GERMAN -> {
                pad(sb, d.getDayOfMonth(), 2).append('.');
                pad(sb, d.getMonthValue(), 2).append('.');
                pad(sb, y, 4);
            }
        }
    }

    private static void appendEra(StringBuilder sb, LocalDate d) {
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
    }

    static String time(LocalTime t) {
        StringBuilder sb = new StringBuilder(15);
        appendTime(sb, t);
        return sb.toString();
    }

    static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            sb.append('.');
            int div = 100000;
            while (micros != 0) {
                sb.append((char) ('0' + micros / div));
                micros %= div;
                div /= 10;
            }
        }
    }

    /** +05:30, +00, -03:00:12 as ISO prints a UTC offset. */
    static void appendOffset(StringBuilder sb, int totalSeconds) {
        int a = Math.abs(totalSeconds);
        sb.append(totalSeconds < 0 ? '-' : '+');
        pad(sb, a / 3600, 2);
        if (a % 3600 != 0) {
            sb.append(':');
            pad(sb, (a / 60) % 60, 2);
            if (a % 60 != 0) {
                sb.append(':');
                pad(sb, a % 60, 2);
            }
        }
    }

    static String timestamp(LocalDateTime ts, FormatSettings s) {
        if (ts.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return timestampWithZone(ts, s, null, null);
    }

    static String timestamptz(Instant i, FormatSettings s) {
        if (i.equals(Instant.MAX)) {
            return "infinity";
        }
        if (i.equals(Instant.MIN)) {
            return "-infinity";
        }
        ZoneId zone = s.timeZone();
        ZonedDateTime z = i.atZone(zone);
        String abbrev = s.dateStyle() == FormatSettings.DateStyle.ISO ? null : abbreviation(z);
        return timestampWithZone(z.toLocalDateTime(), s, abbrev, z.getOffset().getTotalSeconds());
    }

    private static String abbreviation(ZonedDateTime z) {
        if (z.getZone() instanceof ZoneOffset o) {
            StringBuilder sb = new StringBuilder();
            appendOffset(sb, o.getTotalSeconds());
            return sb.toString();
        }
        String a = ZONE_ABBREV.format(z);
        if (!a.startsWith("GMT") || a.length() <= 3) {
            return a;
        }
        int off = z.getOffset().getTotalSeconds();
        StringBuilder sb = new StringBuilder(6).append(off < 0 ? '-' : '+');
        pad(sb, Math.abs(off) / 3600, 2);
        if (off % 3600 != 0) {
            pad(sb, Math.abs(off) / 60 % 60, 2);
        }
        return sb.toString();
    }

    /** Prints a timestamp; {@code zoneAbbrev} for non-ISO styles, {@code offset} null for timestamp. */
    private static String timestampWithZone(LocalDateTime ts, FormatSettings s, String zoneAbbrev, Integer offset) {
        StringBuilder sb = new StringBuilder(32);
        LocalDate d = ts.toLocalDate();
        if (s.dateStyle() == FormatSettings.DateStyle.POSTGRES) {
            boolean dmy = s.dateOrder() == FormatSettings.DateOrder.DMY;
            sb.append(DAYS[d.getDayOfWeek().getValue() - 1]).append(' ');
            if (dmy) {
                pad(sb, d.getDayOfMonth(), 2).append(' ').append(MONTHS[d.getMonthValue() - 1]);
            } else {
                sb.append(MONTHS[d.getMonthValue() - 1]).append(' ');
                pad(sb, d.getDayOfMonth(), 2);
            }
            sb.append(' ');
            appendTime(sb, ts.toLocalTime());
            sb.append(' ');
            pad(sb, d.getYear() > 0 ? d.getYear() : 1 - d.getYear(), 4);
        } else {
            appendDate(sb, d, s);
            sb.append(' ');
            appendTime(sb, ts.toLocalTime());
        }
        if (zoneAbbrev != null) {
            sb.append(' ').append(zoneAbbrev);
        } else if (offset != null) {
            appendOffset(sb, offset);
        }
        appendEra(sb, d);
        return sb.toString();
    }

    static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
