package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits date/time input into its fields as PostgreSQL's ParseDateTime and DecodeDateTime do:
 * ISO, SQL, Postgres and German dates, month names, compact {@code 20240102}, times with
 * fractions and AM/PM, BC, UTC offsets, zone abbreviations and zone names, and special words.
 */
final class DateTimeParser {
    /** The special values PostgreSQL accepts in place of a date or time. */
    enum Special { NONE, EPOCH, INFINITY, NEG_INFINITY, NOW, TODAY, TOMORROW, YESTERDAY, ALLBALLS }

    /** The decoded fields; date, time and zone are null when absent. */
    record Fields(Special special, LocalDate date, LocalTime time, ZoneId zone, boolean endOfDay) {
    }

    /** The first day PostgreSQL's dates and timestamps can hold: 4714-11-24 BC. */
    static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);

    private final String text;
    private final String typeName;
    private final FormatSettings.DateOrder order;
    private Special special = Special.NONE;
    private int year = Integer.MIN_VALUE;
    private int month;
    private int day;
    private boolean bc;
    private int hour = -1;
    private int minute;
    private int second;
    private int micros;
    private int ampm;
    private ZoneId zone;
    private final List<String> numbers = new ArrayList<>();

    private DateTimeParser(String text, String typeName, FormatSettings.DateOrder order) {
        this.text = text;
        this.typeName = typeName;
        this.order = order;
    }

    static Fields parse(String text, String typeName, FormatSettings.DateOrder order) {
        return new DateTimeParser(text, typeName, order).run();
    }

    private ShaleException syntax() {
        return new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    private ShaleException range() {
        return new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                "date/time field value out of range: \"" + text + "\"");
    }

    /** A month or day outside 1-12 / 1-31: PostgreSQL suspects the field order (DateStyle). */
    private ShaleException monthDayRange() {
        return range().withHint("Perhaps you need a different \"datestyle\" setting.");
    }

    private Fields run() {
        for (DateTimeLexer.Token t : DateTimeLexer.split(text)) {
            switch (t.kind()) {
                case NUMBER -> numberToken(t.text());
                case OFFSET -> zone = offset(t.text());
                case MONTH_DATE -> date(t.text().split("[-/.]"));
                case WORD -> word(t.text());
                case INVALID -> throw syntax();
            }
        }
        return finish();
    }

    private void numberToken(String tok) {
        if (tok.indexOf(':') >= 0) {
            time(tok);
        } else if (tok.indexOf('-') >= 0 || tok.indexOf('/') >= 0 || count(tok, '.') >= 2) {
            date(tok.split("[-/.]"));
        } else if (tok.indexOf('.') < 0 && tok.length() == 8 && month == 0 && year == Integer.MIN_VALUE) {
            setDate(parseInt(tok.substring(0, 4)), parseInt(tok.substring(4, 6)), parseInt(tok.substring(6)));
        } else if (tok.indexOf('.') < 0 && tok.length() == 6 && month != 0 && hour < 0) {
            hour = parseInt(tok.substring(0, 2));
            minute = parseInt(tok.substring(2, 4));
            second = parseInt(tok.substring(4));
        } else if (tok.indexOf('.') >= 0 && month != 0 && hour < 0 && tok.length() > 7) {
            numberToken(tok.substring(0, tok.indexOf('.')));
        } else {
            numbers.add(tok);
        }
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            k += s.charAt(i) == c ? 1 : 0;
        }
        return k;
    }

    private void date(String[] parts) {
        if (parts.length != 3 || month != 0) {
            throw syntax();
        }
        int[] v = new int[3];
        int named = -1;
        for (int k = 0; k < 3; k++) {
            int m = DateTimeWords.month(parts[k].toLowerCase(Locale.ROOT));
            if (m != 0) {
                named = k;
                v[k] = m;
            } else {
                v[k] = parseInt(parts[k]);
            }
        }
        if (named == 1) {
            boolean yearFirst = parts[0].length() >= 3;
            setDate(yearFirst ? year(v[0], parts[0]) : year(v[2], parts[2]), v[1], yearFirst ? v[2] : v[0]);
        } else if (named == 0) {
            setDate(year(v[2], parts[2]), v[0], v[1]);
        } else if (parts[0].length() >= 3 || order == FormatSettings.DateOrder.YMD) {
            setDate(year(v[0], parts[0]), v[1], v[2]);
        } else if (order == FormatSettings.DateOrder.DMY) {
            setDate(year(v[2], parts[2]), v[1], v[0]);
        } else {
            setDate(year(v[2], parts[2]), v[0], v[1]);
        }
    }

    /** Two-digit years mean 1970..2069, as in PostgreSQL. */
    private static int year(int y, String digits) {
        return digits.length() <= 2 ? (y < 70 ? y + 2000 : y + 1900) : y;
    }

    private void setDate(int y, int m, int d) {
        if (month != 0) {
            throw syntax();
        }
        year = y;
        month = m;
        day = d;
    }

    private void time(String tok) {
        if (hour >= 0) {
            throw syntax();
        }
        String[] p = tok.split(":", -1);
        if (p.length < 2 || p.length > 3) {
            throw syntax();
        }
        hour = parseInt(p[0]);
        int dot = p[1].indexOf('.');
        if (p.length == 2 && dot >= 0) {
            minute = parseInt(p[1].substring(0, dot));
            fraction(p[1].substring(dot + 1));
            return;
        }
        minute = parseInt(p[1]);
        if (p.length == 3) {
            int sd = p[2].indexOf('.');
            second = parseInt(sd < 0 ? p[2] : p[2].substring(0, sd));
            if (sd >= 0) {
                fraction(p[2].substring(sd + 1));
            }
        }
    }

    private void fraction(String digits) {
        if (digits.isEmpty()) {
            return;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (!Character.isDigit(digits.charAt(k))) {
                throw syntax();
            }
        }
        String d7 = (digits + "0000000").substring(0, 7);
        int v = Integer.parseInt(d7);
        micros = (v + 5) / 10;
    }

    private ZoneId offset(String tok) {
        boolean neg = tok.charAt(0) == '-';
        String body = tok.substring(1);
        int h;
        int m = 0;
        int sec = 0;
        if (body.indexOf(':') >= 0) {
            String[] p = body.split(":", -1);
            h = parseInt(p[0]);
            m = parseInt(p[1]);
            sec = p.length > 2 ? parseInt(p[2]) : 0;
        } else if (body.length() <= 2) {
            h = parseInt(body);
        } else if (body.length() == 4) {
            h = parseInt(body.substring(0, 2));
            m = parseInt(body.substring(2));
        } else {
            throw syntax();
        }
        if (h > 15 || m > 59 || sec > 59) {
            throw new ShaleException(ErrorCode.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                    "time zone displacement out of range: \"" + text + "\"");
        }
        int total = h * 3600 + m * 60 + sec;
        return ZoneOffset.ofTotalSeconds(neg ? -total : total);
    }

    private void word(String w) {
        String lw = w.toLowerCase(Locale.ROOT);
        switch (lw) {
            case "epoch" -> special = Special.EPOCH;
            case "infinity", "+infinity" -> special = Special.INFINITY;
            case "-infinity" -> special = Special.NEG_INFINITY;
            case "now" -> special = Special.NOW;
            case "today" -> special = Special.TODAY;
            case "tomorrow" -> special = Special.TOMORROW;
            case "yesterday" -> special = Special.YESTERDAY;
            case "allballs" -> special = Special.ALLBALLS;
            case "am", "a.m." -> ampm = 1;
            case "pm", "p.m." -> ampm = 2;
            case "bc" -> bc = true;
            case "ad", "at", "on" -> {
            }
            default -> {
                int m = DateTimeWords.month(lw);
                if (m != 0 && month == 0) {
                    month = m;
                } else if (!DateTimeWords.isDay(lw)) {
                    ZoneId z = DateTimeWords.zone(w);
                    if (z == null) {
                        throw syntax();
                    }
                    zone = z;
                }
            }
        }
    }

    private Fields finish() {
        if (!numbers.isEmpty()) {
            if (month == 0 || day != 0 || numbers.size() > 2) {
                throw syntax();
            }
            if (numbers.size() == 2) {
                boolean yearFirst = numbers.get(0).length() >= 3;
                day = parseInt(numbers.get(yearFirst ? 1 : 0));
                year = year(parseInt(numbers.get(yearFirst ? 0 : 1)), numbers.get(yearFirst ? 0 : 1));
            } else {
                day = parseInt(numbers.get(0));
            }
        }
        LocalDate date = null;
        if (month != 0) {
            if (year == Integer.MIN_VALUE || day == 0) {
                throw syntax();
            }
            int y = bc ? 1 - year : year;
            if (bc && year <= 0) {
                throw range();
            }
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                throw monthDayRange();
            }
            try {
                date = LocalDate.of(y, month, day);
            } catch (DateTimeException e) {
                throw range();
            }
            if (date.isBefore(MIN_DATE)) {
                throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
            }
        }
        LocalTime time = null;
        boolean endOfDay = false;
        if (hour >= 0) {
            if (ampm == 2 && hour < 12) {
                hour += 12;
            } else if (ampm == 1 && hour == 12) {
                hour = 0;
            }
            if (hour == 24 && minute == 0 && second == 0 && micros == 0) {
                time = LocalTime.MIDNIGHT;
                endOfDay = true;
            } else {
                if (hour > 23 || minute > 59 || second > 60 || micros > 1_000_000) {
                    throw range();
                }
                long total = ((hour * 60L + minute) * 60 + Math.min(second, 59)) * 1_000_000 + micros
                        + (second == 60 ? 1_000_000 : 0);
                endOfDay = total >= Interval.MICROS_PER_DAY;
                time = endOfDay ? LocalTime.MIDNIGHT : LocalTime.ofNanoOfDay(total * 1000);
            }
        }
        if (special != Special.NONE && (date != null || (time != null && special != Special.TODAY
                && special != Special.TOMORROW && special != Special.YESTERDAY))) {
            throw syntax();
        }
        return new Fields(special, date, time, zone, endOfDay);
    }

    private int parseInt(String s) {
        if (s.isEmpty() || s.length() > 9) {
            throw syntax();
        }
        int v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw syntax();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
