package io.shale.engine.settings;

import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings.DateOrder;
import io.shale.common.types.FormatSettings.DateStyle;

import java.util.Locale;

/** DateStyle values: an output style and a field order, each optional in an update. */
final class DateStyles {
    private DateStyles() {
    }

    /** Applies the key words of {@code raw} to {@code current}, e.g. {@code ymd} keeps the style. */
    static String normalize(String raw, String current) {
        DateStyle style = current == null ? DateStyle.ISO : style(current);
        DateOrder order = current == null ? DateOrder.MDY : order(current);
        boolean haveStyle = false;
        boolean haveOrder = false;
        for (String part : raw.split(",")) {
            String token = part.trim();
            String key = token.toLowerCase(Locale.ROOT);
            DateStyle newStyle = null;
            DateOrder newOrder = null;
            switch (key) {
                case "iso" -> newStyle = DateStyle.ISO;
                case "sql" -> newStyle = DateStyle.SQL;
                case "postgres" -> newStyle = DateStyle.POSTGRES;
                case "german" -> newStyle = DateStyle.GERMAN;
                case "ymd" -> newOrder = DateOrder.YMD;
                case "dmy", "euro", "european" -> newOrder = DateOrder.DMY;
                case "mdy", "us", "noneuro", "noneuropean" -> newOrder = DateOrder.MDY;
                case "default" -> {
                    newStyle = DateStyle.ISO;
                    newOrder = DateOrder.MDY;
                }
                default -> throw Units.invalid("DateStyle", raw)
                        .withDetail("Unrecognized key word: \"" + token + "\".");
            }
            if (newStyle != null) {
                if (haveStyle && newStyle != style) {
                    throw conflict(raw);
                }
                style = newStyle;
                haveStyle = true;
            }
            if (newOrder != null && !key.equals("default")) {
                if (haveOrder && newOrder != order) {
                    throw conflict(raw);
                }
                order = newOrder;
                haveOrder = true;
            } else if (newOrder != null) {
                order = newOrder;
            }
        }
        if (haveStyle && !haveOrder && style == DateStyle.GERMAN) {
            order = DateOrder.DMY;
        }
        return format(style, order);
    }

    private static ShaleException conflict(String raw) {
        return Units.invalid("DateStyle", raw).withDetail("Conflicting \"datestyle\" specifications.");
    }

    static String format(DateStyle style, DateOrder order) {
        String s = switch (style) {
            case ISO -> "ISO";
            case SQL -> "SQL";
            case POSTGRES -> "Postgres";
            case GERMAN -> "German";
        };
        return s + ", " + order.name();
    }

    static DateStyle style(String stored) {
        return DateStyle.valueOf(stored.substring(0, stored.indexOf(',')).trim().toUpperCase(Locale.ROOT));
    }

    static DateOrder order(String stored) {
        return DateOrder.valueOf(stored.substring(stored.indexOf(',') + 1).trim());
    }
}
