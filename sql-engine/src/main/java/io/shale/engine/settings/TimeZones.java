package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TimeZone values: zone names (matched ignoring case, shown in their canonical spelling), hour
 * offsets ({@code -7} is shown {@code <-07>+07}) and POSIX forms ({@code UTC+3}, west positive).
 */
final class TimeZones {
    private static final Map<String, String> CANONICAL = canonicalNames();
    private static final Pattern POSIX = Pattern.compile("([A-Za-z]{3,})([+-]?)(\\d{1,2})(?::(\\d{2}))?");
    private static final Pattern BRACKETED =
            Pattern.compile("<([+-])(\\d{2})(?::?(\\d{2}))?>([+-])(\\d{2})(?::?(\\d{2}))?");

    private TimeZones() {
    }

    private static Map<String, String> canonicalNames() {
        Map<String, String> names = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            names.put(id.toLowerCase(Locale.ROOT), id);
        }
        names.put("utc", "UTC");
        names.put("gmt", "GMT");
        names.put("z", "Z");
        return Map.copyOf(names);
    }

    /** The value as SHOW prints it; 22023 for an unknown zone. */
    static String canonical(String raw, String settingName) {
        String v = raw.trim();
        String named = CANONICAL.get(v.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            double hours = Double.parseDouble(v);
            if (Math.abs(hours) <= 15) {
                return bracketed((int) Math.round(hours * 3600));
            }
        } catch (NumberFormatException e) {
            // not an hour offset; try the other forms
        }
        if (POSIX.matcher(v).matches() || BRACKETED.matcher(v).matches()) {
            return v;
        }
        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + settingName + "\": \"" + raw + "\"");
    }

    /** The zone of a stored TimeZone value. */
    static ZoneId zone(String stored) {
        if (stored.equals("Z")) {
            return ZoneOffset.UTC;
        }
        Matcher b = BRACKETED.matcher(stored);
        if (b.matches()) {
            return ZoneOffset.ofTotalSeconds(-seconds(b.group(4), b.group(5), b.group(6)));
        }
        Matcher p = POSIX.matcher(stored);
        if (p.matches() && !CANONICAL.containsKey(stored.toLowerCase(Locale.ROOT))) {
            return ZoneOffset.ofTotalSeconds(-seconds(p.group(2).isEmpty() ? "+" : p.group(2), p.group(3),
                    p.group(4)));
        }
        return ZoneId.of(stored);
    }

    private static int seconds(String sign, String hours, String minutes) {
        int s = Integer.parseInt(hours) * 3600 + (minutes == null ? 0 : Integer.parseInt(minutes) * 60);
        return sign.equals("-") ? -s : s;
    }

    /** {@code <+05:30>-05:30} for an offset east of Greenwich. */
    private static String bracketed(int offsetSeconds) {
        String east = offset(offsetSeconds);
        String west = offset(-offsetSeconds);
        return "<" + east + ">" + west;
    }

    private static String offset(int seconds) {
        int abs = Math.abs(seconds);
        String text = (seconds < 0 ? "-" : "+") + two(abs / 3600);
        if (abs % 3600 != 0) {
            text += ":" + two(abs % 3600 / 60);
        }
        return text;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
