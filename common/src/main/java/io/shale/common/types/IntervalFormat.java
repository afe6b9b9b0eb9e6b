package io.shale.common.types;

/** Text output of interval in the four IntervalStyles. */
final class IntervalFormat {
    private IntervalFormat() {
    }

    static String format(Interval iv, FormatSettings.IntervalStyle style) {
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        int days = iv.days();
        long us = iv.micros();
        long hours = us / Interval.MICROS_PER_HOUR;
        int mins = (int) (us / Interval.MICROS_PER_MINUTE % 60);
        long secMicros = us % Interval.MICROS_PER_MINUTE;
        StringBuilder sb = new StringBuilder(32);
        switch (style) {
            case POSTGRES -> postgres(sb, years, mons, days, us, hours, mins, secMicros);
            case POSTGRES_VERBOSE -> verbose(sb, years, mons, days, hours, mins, secMicros);
            case SQL_STANDARD -> sqlStandard(sb, years, mons, days, us, hours, mins, secMicros);
            case ISO_8601 -> iso(sb, years, mons, days, us, hours, mins, secMicros);
        }
        return sb.toString();
    }

    private static void postgres(StringBuilder sb, int years, int mons, int days, long us, long hours, int mins,
                                 long secMicros) {
        boolean before = false;
        before = part(sb, years, "year", before);
        before = part(sb, mons, "mon", before);
        before = part(sb, days, "day", before);
        if (us != 0 || sb.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(us < 0 ? "-" : before ? "+" : "");
            if (Math.abs(hours) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(hours)).append(':');
            DateTimeFormat.pad(sb, Math.abs(mins), 2).append(':');
            seconds(sb, Math.abs(secMicros), true);
        }
    }

    private static boolean part(StringBuilder sb, int v, String unit, boolean before) {
        if (v == 0) {
            return before;
        }
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        if (before && v > 0) {
            sb.append('+');
        }
        sb.append(v).append(' ').append(unit);
        if (v != 1) {
            sb.append('s');
        }
        return v < 0;
    }

    private static void verbose(StringBuilder sb, int years, int mons, int days, long hours, int mins, long secMicros) {
        sb.append('@');
        boolean[] state = {true, false};
        verbosePart(sb, years, "year", state);
        verbosePart(sb, mons, "mon", state);
        verbosePart(sb, days, "day", state);
        verbosePart(sb, hours, "hour", state);
        verbosePart(sb, mins, "min", state);
        if (secMicros != 0) {
            sb.append(' ');
            if (secMicros < 0) {
                if (state[0]) {
                    state[1] = true;
                } else if (!state[1]) {
                    sb.append('-');
                }
            } else if (state[1]) {
                sb.append('-');
            }
            seconds(sb, Math.abs(secMicros), false);
            sb.append(Math.abs(secMicros) == Interval.MICROS_PER_SECOND ? " sec" : " secs");
            state[0] = false;
        }
        if (state[0]) {
            sb.append(" 0");
        }
        if (state[1]) {
            sb.append(" ago");
        }
    }

    /** state[0] = nothing printed yet, state[1] = the first field was negative (" ago"). */
    private static void verbosePart(StringBuilder sb, long v, String unit, boolean[] state) {
        if (v == 0) {
            return;
        }
        if (state[0]) {
            state[1] = v < 0;
            v = Math.abs(v);
        } else if (state[1]) {
            v = -v;
        }
        sb.append(' ').append(v).append(' ').append(unit);
        if (v != 1) {
            sb.append('s');
        }
        state[0] = false;
    }

    private static void sqlStandard(StringBuilder sb, int years, int mons, int days, long us, long hours, int mins,
                                    long secMicros) {
        boolean neg = years < 0 || mons < 0 || days < 0 || us < 0;
        boolean pos = years > 0 || mons > 0 || days > 0 || us > 0;
        boolean yearMonth = years != 0 || mons != 0;
        boolean dayTime = days != 0 || us != 0;
        if (!neg && !pos) {
            sb.append('0');
        } else if ((neg && pos) || (yearMonth && dayTime)) {
            sb.append(years < 0 || mons < 0 ? '-' : '+').append(Math.abs(years)).append('-').append(Math.abs(mons));
            sb.append(' ').append(days < 0 ? '-' : '+').append(Math.abs(days));
            sb.append(' ').append(us < 0 ? '-' : '+');
            clock(sb, hours, mins, secMicros);
        } else if (yearMonth) {
            sb.append(neg ? "-" : "").append(Math.abs(years)).append('-').append(Math.abs(mons));
        } else {
            sb.append(neg ? "-" : "");
            if (days != 0) {
                sb.append(Math.abs(days)).append(' ');
            }
            clock(sb, hours, mins, secMicros);
        }
    }

    private static void clock(StringBuilder sb, long hours, int mins, long secMicros) {
        sb.append(Math.abs(hours)).append(':');
        DateTimeFormat.pad(sb, Math.abs(mins), 2).append(':');
        seconds(sb, Math.abs(secMicros), true);
    }

    private static void iso(StringBuilder sb, int years, int mons, int days, long us, long hours, int mins,
                            long secMicros) {
        sb.append('P');
        if (years != 0) {
            sb.append(years).append('Y');
        }
        if (mons != 0) {
            sb.append(mons).append('M');
        }
        if (days != 0) {
            sb.append(days).append('D');
        }
        if (us != 0 || sb.length() == 1) {
            sb.append('T');
            if (hours != 0) {
                sb.append(hours).append('H');
            }
            if (mins != 0) {
                sb.append(mins).append('M');
            }
            if (secMicros != 0 || us == 0) {
                if (secMicros < 0) {
                    sb.append('-');
                }
                seconds(sb, Math.abs(secMicros), false);
                sb.append('S');
            }
        }
    }

    /** Seconds and trimmed fraction of a non-negative count of microseconds below a minute. */
    private static void seconds(StringBuilder sb, long secMicros, boolean pad2) {
        int sec = (int) (secMicros / Interval.MICROS_PER_SECOND);
        int frac = (int) (secMicros % Interval.MICROS_PER_SECOND);
        if (pad2) {
            DateTimeFormat.pad(sb, sec, 2);
        } else {
            sb.append(sec);
        }
        if (frac != 0) {
            sb.append('.');
            int div = 100000;
            while (frac != 0) {
                sb.append((char) ('0' + frac / div));
                frac %= div;
                div /= 10;
            }
        }
    }
}
