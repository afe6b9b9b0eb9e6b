package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Interval input: PostgreSQL's verbose units ({@code 1 day 2 hours}, {@code @ 1 day ago},
 * abbreviations), clock times, SQL-standard {@code Y-M} and {@code D H:M:S}, and ISO 8601
 * {@code P1Y2M3DT4H5M6S}. Fractions of larger units cascade into smaller ones.
 */
final class IntervalParser {
    private final String text;
    private final boolean sqlStandard;
    private double months;
    private double days;
    private double fractionMicros;
    private BigDecimal micros = BigDecimal.ZERO;

    private IntervalParser(String text, boolean sqlStandard) {
        this.text = text;
        this.sqlStandard = sqlStandard;
    }

    static Interval parse(String text, FormatSettings.IntervalStyle style) {
        return new IntervalParser(text, style == FormatSettings.IntervalStyle.SQL_STANDARD).run();
    }

    private ShaleException syntax() {
        return new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type interval: \"" + text + "\"");
    }

    private Interval run() {
        String s = text.trim();
        if (s.isEmpty()) {
            throw syntax();
        }
        if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
            iso(s.substring(1));
        } else {
            verbose(s);
        }
        return result();
    }

    private Interval result() {
        long wholeMonths = (long) months;
        days += (months - wholeMonths) * 30;
        long wholeDays = (long) days;
        fractionMicros += (days - wholeDays) * Interval.MICROS_PER_DAY;
        BigDecimal total = micros.add(BigDecimal.valueOf(fractionMicros)).setScale(0, java.math.RoundingMode.HALF_EVEN);
        if (wholeMonths != (int) wholeMonths || wholeDays != (int) wholeDays
                || total.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "interval field value out of range: \"" + text + "\"");
        }
        return new Interval((int) wholeMonths, (int) wholeDays, total.longValueExact());
    }

    private void verbose(String s) {
        String[] tokens = s.replace(",", " ").trim().split("\\s+");
        boolean ago = false;
        boolean leadingMinus = sqlStandard && s.startsWith("-");
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            String lower = tok.toLowerCase(Locale.ROOT);
            if (lower.equals("@") && i == 0) {
                continue;
            }
            if (lower.equals("ago") && i == tokens.length - 1) {
                ago = true;
                continue;
            }
            if (lower.startsWith("@") && i == 0) {
                tok = tok.substring(1);
                lower = lower.substring(1);
            }
            double sign = leadingMinus && i > 0 && !tok.startsWith("-") && !tok.startsWith("+") ? -1 : 1;
            if (tok.indexOf(':') >= 0) {
                clock(tok, sign);
                continue;
            }
            int dash = tok.indexOf('-', 1);
            if (dash > 0 && Character.isDigit(tok.charAt(dash - 1))) {
                yearMonth(tok, sign);
                continue;
            }
            int unitStart = 0;
            while (unitStart < lower.length() && (Character.isDigit(lower.charAt(unitStart))
                    || "+-.".indexOf(lower.charAt(unitStart)) >= 0)) {
                unitStart++;
            }
            if (unitStart == 0) {
                throw syntax();
            }
            BigDecimal v = exact(tok.substring(0, unitStart));
            if (sign < 0) {
                v = v.negate();
            }
            String unit = lower.substring(unitStart);
            if (unit.isEmpty() && i + 1 < tokens.length && unitOf(tokens[i + 1].toLowerCase(Locale.ROOT)) != null) {
                unit = tokens[++i].toLowerCase(Locale.ROOT);
            } else if (unit.isEmpty() && i + 1 < tokens.length && tokens[i + 1].indexOf(':') >= 0) {
                unit = "day";
            } else if (unit.isEmpty()) {
                unit = "second";
            }
            add(v, unit);
        }
        if (ago) {
            months = -months;
            days = -days;
            fractionMicros = -fractionMicros;
            micros = micros.negate();
        }
    }

    private static String unitOf(String u) {
        return switch (u) {
            case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> "us";
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" -> "ms";
            case "second", "seconds", "s", "sec", "secs" -> "s";
            case "minute", "minutes", "m", "min", "mins" -> "min";
            case "hour", "hours", "h", "hr", "hrs" -> "h";
            case "day", "days", "d" -> "d";
            case "week", "weeks", "w" -> "w";
            case "month", "months", "mon", "mons" -> "mon";
            case "year", "years", "y", "yr", "yrs" -> "y";
            case "decade", "decades", "dec", "decs" -> "dec";
            case "century", "centuries", "c", "cent" -> "c";
            case "millennium", "millennia", "mil", "mils" -> "mil";
            default -> null;
        };
    }

    private void add(BigDecimal exact, String unitWord) {
        String unit = unitOf(unitWord);
        if (unit == null) {
            throw syntax();
        }
        double v = exact.doubleValue();
        switch (unit) {
            case "us" -> micros = micros.add(exact);
            case "ms" -> micros = micros.add(exact.scaleByPowerOfTen(3));
            case "s" -> micros = micros.add(exact.scaleByPowerOfTen(6));
            case "min" -> micros = micros.add(exact.multiply(BigDecimal.valueOf(Interval.MICROS_PER_MINUTE)));
            case "h" -> micros = micros.add(exact.multiply(BigDecimal.valueOf(Interval.MICROS_PER_HOUR)));
            case "d" -> days += v;
            case "w" -> days += v * 7;
            case "mon" -> months += v;
            case "y" -> months += v * 12;
            case "dec" -> months += v * 120;
            case "c" -> months += v * 1200;
            default -> months += v * 12000;
        }
    }

    private BigDecimal exact(String s) {
        if (!FloatCodec.isDecimal(s)) {
            throw syntax();
        }
        return new BigDecimal(s);
    }

    private void clock(String tok, double sign) {
        boolean neg = tok.startsWith("-");
        String body = tok.startsWith("-") || tok.startsWith("+") ? tok.substring(1) : tok;
        String[] p = body.split(":", -1);
        if (p.length < 2 || p.length > 3) {
            throw syntax();
        }
        BigDecimal h = exact(p[0]);
        BigDecimal m = exact(p[1]);
        BigDecimal sec = p.length == 3 ? exact(p[2]) : BigDecimal.ZERO;
        if (m.compareTo(BigDecimal.valueOf(60)) >= 0 || sec.compareTo(BigDecimal.valueOf(60)) >= 0) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "interval field value out of range: \"" + text + "\"");
        }
        BigDecimal us = h.multiply(BigDecimal.valueOf(Interval.MICROS_PER_HOUR))
                .add(m.multiply(BigDecimal.valueOf(Interval.MICROS_PER_MINUTE))).add(sec.scaleByPowerOfTen(6));
        micros = micros.add(neg != sign < 0 ? us.negate() : us);
    }

    private void yearMonth(String tok, double sign) {
        boolean neg = tok.startsWith("-");
        String body = tok.startsWith("-") || tok.startsWith("+") ? tok.substring(1) : tok;
        int dash = body.indexOf('-');
        double y = exact(body.substring(0, dash)).doubleValue();
        double m = exact(body.substring(dash + 1)).doubleValue();
        double total = y * 12 + m;
        months += (neg ? -total : total) * sign;
    }

    private void iso(String s) {
        boolean time = false;
        int i = 0;
        if (s.isEmpty()) {
            throw syntax();
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'T' || c == 't') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (start == i || i >= s.length()) {
                throw syntax();
            }
            BigDecimal v = exact(s.substring(start, i));
            char u = Character.toUpperCase(s.charAt(i++));
            switch (u) {
                case 'Y' -> add(v, "y");
                case 'M' -> add(v, time ? "min" : "mon");
                case 'W' -> add(v, "w");
                case 'D' -> add(v, "d");
                case 'H' -> add(v, "h");
                case 'S' -> add(v, "s");
                default -> throw syntax();
            }
        }
    }
}
