package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** to_char for timestamps and intervals, and to_date / to_timestamp parsing, with PostgreSQL's template patterns. */
final class DateTimeFormat {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    /** Patterns, longest first so that a prefix never shadows a longer one. */
    private static final String[] PATTERNS = {"Y,YYY", "HH24", "HH12", "IYYY", "SSSSS", "MONTH", "Month", "month",
        "A.M.", "P.M.", "a.m.", "p.m.", "IDDD", "SSSS", "YYYY", "IYY", "YYY", "MON", "Mon", "mon", "DAY", "Day",
        "day", "DDD", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "HH", "MI", "SS", "MS", "US", "AM", "PM", "am",
        "pm", "YY", "IY", "MM", "DY", "Dy", "dy", "DD", "ID", "WW", "IW", "CC", "TZ", "tz", "OF", "RM", "rm",
        "Y", "I", "D", "W", "Q", "J"};

    /** The fields to print: a timestamp's, or an interval's (hours unbounded). */
    record Fields(int year, int month, int day, long hour, int minute, int second, int micros, LocalDate date,
                  String zoneAbbreviation, Integer offsetSeconds) {
        static Fields of(LocalDateTime t, String zone, Integer offset) {
            return new Fields(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                    t.getSecond(), t.getNano() / 1000, t.toLocalDate(), zone, offset);
        }

        static Fields of(Interval v) {
            long time = v.micros();
            return new Fields(v.months() / 12, v.months() % 12, v.days(), time / 3_600_000_000L,
                    (int) (time / 60_000_000L % 60), (int) (time / 1_000_000 % 60), (int) (time % 1_000_000), null,
                    "", null);
        }
    }

    private DateTimeFormat() {
    }

    static String format(Fields f, String format) {
        StringBuilder out = new StringBuilder();
        boolean fill = false;
        for (int i = 0; i < format.length(); ) {
            if (format.startsWith("FM", i) || format.startsWith("fm", i)) {
                fill = true;
                i += 2;
                continue;
            }
            char ch = format.charAt(i);
            if (ch == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                out.append(format, i + 1, end);
                i = end + 1;
                continue;
            }
            if (ch == '\\' && i + 1 < format.length()) {
                out.append(format.charAt(i + 1));
                i += 2;
                continue;
            }
            String pattern = match(format, i);
            if (pattern == null) {
                out.append(ch);
                i++;
                continue;
            }
            i += pattern.length();
            String text = field(f, pattern, fill);
            boolean ordinal = format.startsWith("TH", i) || format.startsWith("th", i);
            if (ordinal) {
                text = text + suffix(text, format.charAt(i) == 't');
                i += 2;
            }
            out.append(text);
            fill = false;
        }
        return out.toString();
    }

    private static String match(String format, int i) {
        for (String p : PATTERNS) {
            if (format.startsWith(p, i)) {
                return p;
            }
        }
        for (String p : PATTERNS) {
            if (isCaseInsensitive(p) && format.regionMatches(true, i, p, 0, p.length())) {
                return p;
            }
        }
        return null;
    }

    private static boolean isCaseInsensitive(String p) {
        return switch (p) {
            case "MONTH", "MON", "DAY", "DY", "AM", "PM", "A.M.", "P.M.", "RM", "TZ" -> false;
            default -> true;
        };
    }

    private static String number(long value, int width, boolean fill) {
        return fill ? Long.toString(value) : DateTimeText.pad(value, width);
    }

    private static String field(Fields f, String pattern, boolean fill) {
        int year = f.year > 0 || f.date == null ? f.year : 1 - f.year;
        LocalDate d = f.date;
        return switch (pattern.toUpperCase(Locale.ROOT)) {
            case "YYYY" -> number(year, 4, fill);
            case "Y,YYY" -> (year / 1000) + "," + DateTimeText.pad(year % 1000, 3);
            case "YYY" -> number(year % 1000, 3, fill);
            case "YY" -> number(year % 100, 2, fill);
            case "Y" -> Long.toString(year % 10);
            case "IYYY" -> number(d.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "IYY" -> number(d.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fill);
            case "IY" -> number(d.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fill);
            case "I" -> Long.toString(d.get(IsoFields.WEEK_BASED_YEAR) % 10);
            case "MM" -> number(f.month, 2, fill);
            case "MONTH" -> name(MONTHS[f.month - 1], pattern, fill, 9);
            case "MON" -> name(MONTHS[f.month - 1].substring(0, 3), pattern, true, 0);
            case "DAY" -> name(DAYS[d.getDayOfWeek().getValue() % 7], pattern, fill, 9);
            case "DY" -> name(DAYS[d.getDayOfWeek().getValue() % 7].substring(0, 3), pattern, true, 0);
            case "DDD" -> number(d.getDayOfYear(), 3, fill);
            case "IDDD" -> number((d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7L + d.getDayOfWeek().getValue(), 3, fill);
            case "DD" -> number(f.day, 2, fill);
            case "D" -> Integer.toString(d.getDayOfWeek().getValue() % 7 + 1);
            case "ID" -> Integer.toString(d.getDayOfWeek().getValue());
            case "W" -> Integer.toString((f.day - 1) / 7 + 1);
            case "WW" -> number((d.getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "IW" -> number(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "Q" -> Integer.toString((f.month - 1) / 3 + 1);
            case "CC" -> number(f.year > 0 ? (f.year + 99) / 100 : -((99 - (f.year - 1)) / 100), 2, fill);
            case "J" -> Long.toString(d.toEpochDay() + 2440588);
            case "HH", "HH12" -> number(f.hour % 12 == 0 ? 12 : f.hour % 12, 2, fill);
            case "HH24" -> number(f.hour, 2, fill);
            case "MI" -> number(f.minute, 2, fill);
            case "SS" -> number(f.second, 2, fill);
            case "SSSS", "SSSSS" -> Long.toString(f.hour * 3600 + f.minute * 60L + f.second);
            case "MS" -> DateTimeText.pad(f.micros / 1000, 3);
            case "US" -> DateTimeText.pad(f.micros, 6);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" ->
                    DateTimeText.pad(f.micros, 6).substring(0, pattern.charAt(2) - '0');
            case "AM", "PM" -> cased(f.hour % 24 < 12 ? "AM" : "PM", pattern);
            case "A.M.", "P.M." -> cased(f.hour % 24 < 12 ? "A.M." : "P.M.", pattern);
            case "TZ" -> cased(f.zoneAbbreviation == null ? "" : f.zoneAbbreviation, pattern);
            case "OF" -> f.offsetSeconds == null ? "" : DateTimeText.offset(java.time.ZoneOffset.ofTotalSeconds(f.offsetSeconds));
            case "RM" -> cased(fill ? ROMAN[f.month - 1] : String.format(Locale.ROOT, "%-4s", ROMAN[f.month - 1]), pattern);
            default -> pattern;
        };
    }

    private static String cased(String value, String pattern) {
        return Character.isLowerCase(pattern.charAt(0)) ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static String name(String value, String pattern, boolean fill, int width) {
        String v;
        if (pattern.equals(pattern.toUpperCase(Locale.ROOT))) {
            v = value.toUpperCase(Locale.ROOT);
        } else if (Character.isLowerCase(pattern.charAt(0))) {
            v = value.toLowerCase(Locale.ROOT);
        } else {
            v = value;
        }
        return fill || v.length() >= width ? v : v + " ".repeat(width - v.length());
    }

    private static String suffix(String number, boolean lower) {
        String digits = number.replaceAll("[^0-9]", "");
        return NumberFormat.ordinal(digits.isEmpty() ? 0 : Long.parseLong(digits), lower);
    }

    /** Parses text by a template (to_date, to_timestamp); separators and spaces in the input are lenient. */
    static LocalDateTime parse(String text, String format) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        boolean pm = false;
        boolean twelveHour = false;
        boolean bc = false;
        int[] pos = {0};
        for (int i = 0; i < format.length(); ) {
            if (format.startsWith("FM", i) || format.startsWith("fm", i) || format.startsWith("FX", i)) {
                i += 2;
                continue;
            }
            char ch = format.charAt(i);
            if (ch == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                pos[0] = Math.min(text.length(), pos[0] + (end - i - 1));
                i = end + 1;
                continue;
            }
            String pattern = match(format, i);
            if (pattern == null) {
                if (pos[0] < text.length() && !Character.isLetterOrDigit(text.charAt(pos[0]))) {
                    pos[0]++;
                } else if (Character.isWhitespace(ch)) {
                    skipSpaces(text, pos);
                }
                i++;
                continue;
            }
            i += pattern.length();
            skipSpaces(text, pos);
            switch (pattern.toUpperCase(Locale.ROOT)) {
                case "YYYY", "IYYY" -> year = readInt(text, pos, 9, pattern);
                case "Y,YYY" -> {
                    int thousands = readInt(text, pos, 3, pattern);
                    if (pos[0] < text.length() && text.charAt(pos[0]) == ',') {
                        pos[0]++;
                    }
                    year = thousands * 1000 + readInt(text, pos, 3, pattern);
                }
                case "YYY", "IYY" -> year = adjustYear(readInt(text, pos, 3, pattern), 3);
                case "YY", "IY" -> year = adjustYear(readInt(text, pos, 2, pattern), 2);
                case "Y", "I" -> year = adjustYear(readInt(text, pos, 1, pattern), 1);
                case "MM" -> month = readInt(text, pos, 2, pattern);
                case "MONTH", "MON" -> month = readName(text, pos, MONTHS, pattern.length() == 3) + 1;
                case "DAY", "DY" -> readName(text, pos, DAYS, pattern.length() == 2);
                case "DD" -> day = readInt(text, pos, 2, pattern);
                case "DDD" -> {
                    int doy = readInt(text, pos, 3, pattern);
                    month = 1;
                    day = doy;
                }
                case "HH", "HH12" -> {
                    hour = readInt(text, pos, 2, pattern);
                    twelveHour = true;
                }
                case "HH24" -> hour = readInt(text, pos, 2, pattern);
                case "MI" -> minute = readInt(text, pos, 2, pattern);
                case "SS" -> second = readInt(text, pos, 2, pattern);
                case "MS" -> micros = scaleFraction(text, pos, 3) * 1000;
                case "US" -> micros = scaleFraction(text, pos, 6);
                case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> micros = scaleFraction(text, pos, 6);
                case "AM", "PM", "A.M.", "P.M." -> {
                    String rest = text.substring(pos[0]).toUpperCase(Locale.ROOT);
                    pm = rest.startsWith("P");
                    pos[0] += Math.min(rest.length(), pattern.length());
                    twelveHour = true;
                }
                case "J" -> {
                    LocalDate jd = LocalDate.ofEpochDay(readInt(text, pos, 9, pattern) - 2440588L);
                    year = jd.getYear();
                    month = jd.getMonthValue();
                    day = jd.getDayOfMonth();
                }
                case "TZ", "OF" -> {
                    while (pos[0] < text.length() && !Character.isWhitespace(text.charAt(pos[0]))) {
                        pos[0]++;
                    }
                }
                default -> readInt(text, pos, 2, pattern);
            }
        }
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                throw new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                        "hour \"" + hour + "\" is invalid for the 12-hour clock")
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDate date = month == 1 && day > 31 ? LocalDate.ofYearDay(bc ? 1 - year : year, day)
                    : LocalDate.of(bc ? 1 - year : year, month, day);
            if (hour == 24 && minute == 0 && second == 0) {
                return date.plusDays(1).atStartOfDay();
            }
            return date.atTime(hour, minute, second, micros * 1000);
        } catch (java.time.DateTimeException e) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static int adjustYear(int value, int digits) {
        return switch (digits) {
            case 2 -> value < 70 ? 2000 + value : 1900 + value;
            case 3 -> value < 100 ? 2000 + value : 1000 + value;
            default -> 2000 + value;
        };
    }

    private static void skipSpaces(String text, int[] pos) {
        while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static int readInt(String text, int[] pos, int maxDigits, String pattern) {
        int start = pos[0];
        boolean negative = false;
        if (pos[0] < text.length() && text.charAt(pos[0]) == '-') {
            negative = true;
            pos[0]++;
        }
        int value = 0;
        int digits = 0;
        while (pos[0] < text.length() && digits < maxDigits && Character.isDigit(text.charAt(pos[0]))) {
            value = value * 10 + (text.charAt(pos[0]++) - '0');
            digits++;
        }
        if (digits == 0) {
            throw new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid value \"" + text.substring(start, Math.min(text.length(), start + pattern.length()))
                            + "\" for \"" + pattern + "\"")
                    .withDetail("Value must be an integer.");
        }
        return negative ? -value : value;
    }

    private static int scaleFraction(String text, int[] pos, int digits) {
        int start = pos[0];
        int value = readInt(text, pos, digits, "US");
        int read = pos[0] - start;
        for (int i = read; i < digits; i++) {
            value *= 10;
        }
        return value;
    }

    private static int readName(String text, int[] pos, String[] names, boolean abbreviated) {
        String rest = text.substring(pos[0]).toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            String full = names[i].toLowerCase(Locale.ROOT);
            if (!abbreviated && rest.startsWith(full)) {
                pos[0] += full.length();
                return i;
            }
            if (rest.startsWith(full.substring(0, 3))) {
                pos[0] += 3;
                return i;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid value \"" + rest.substring(0, Math.min(3, rest.length())) + "\" for \"" + (abbreviated ? "Mon" : "Month") + "\"")
                .withDetail("The given value did not match any of the allowed values for this field.");
    }
}
