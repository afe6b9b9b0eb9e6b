package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zone names as AT TIME ZONE and date_trunc accept them: IANA names, abbreviations UTC/GMT/Z,
 * and POSIX offsets, where {@code +05} and {@code UTC+5} mean five hours WEST of Greenwich.
 */
final class TimeZones {
    private static final Pattern POSIX = Pattern.compile("(?i)(?:utc|gmt)?([+-]?)(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?");

    private TimeZones() {
    }

    static ZoneId parse(String name) {
        String n = name.trim();
        if (n.equalsIgnoreCase("utc") || n.equalsIgnoreCase("gmt") || n.equalsIgnoreCase("z")
                || n.equalsIgnoreCase("zulu") || n.equalsIgnoreCase("universal")) {
            return ZoneOffset.UTC;
        }
        Matcher m = POSIX.matcher(n);
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(2)) * 3600
                    + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
                    + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            if (seconds <= 18 * 3600) {
                return ZoneOffset.ofTotalSeconds("-".equals(m.group(1)) ? seconds : -seconds);
            }
        }
        try {
            return ZoneId.of(n);
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(n)) {
                    return ZoneId.of(id);
                }
            }
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
        }
    }

    static ZoneId fromInterval(Interval v) {
        if (v.months() != 0 || v.days() != 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "interval time zone \"" + io.shale.common.types.TextCodec.format(io.shale.common.types.SqlType.INTERVAL, v,
                            io.shale.common.types.FormatSettings.defaults()) + "\" must not include months or days");
        }
        return ZoneOffset.ofTotalSeconds((int) (v.micros() / 1_000_000));
    }
}
