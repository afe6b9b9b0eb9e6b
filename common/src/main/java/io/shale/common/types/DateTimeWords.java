package io.shale.common.types;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** The words of date/time input: month and day names and the common time zone abbreviations. */
final class DateTimeWords {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    private static final java.util.Set<String> DAYS = java.util.Set.of("mon", "monday", "tue", "tues", "tuesday",
            "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
            "sunday");

    /** Abbreviations of PostgreSQL's Default timezone_abbreviations set, in seconds east of UTC. */
    private static final Map<String, Integer> ABBREVIATIONS = Map.ofEntries(
            Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("zulu", 0), Map.entry("ut", 0),
            Map.entry("est", -5 * 3600), Map.entry("edt", -4 * 3600), Map.entry("cst", -6 * 3600),
            Map.entry("cdt", -5 * 3600), Map.entry("mst", -7 * 3600), Map.entry("mdt", -6 * 3600),
            Map.entry("pst", -8 * 3600), Map.entry("pdt", -7 * 3600), Map.entry("akst", -9 * 3600),
            Map.entry("akdt", -8 * 3600), Map.entry("hst", -10 * 3600), Map.entry("cet", 3600),
            Map.entry("cest", 7200), Map.entry("met", 3600), Map.entry("mest", 7200), Map.entry("eet", 7200),
            Map.entry("eest", 3 * 3600), Map.entry("wet", 0), Map.entry("west", 3600), Map.entry("bst", 3600),
            Map.entry("ist", 7200), Map.entry("msk", 3 * 3600), Map.entry("jst", 9 * 3600),
            Map.entry("kst", 9 * 3600), Map.entry("aest", 10 * 3600), Map.entry("aedt", 11 * 3600),
            Map.entry("acst", 34200), Map.entry("awst", 8 * 3600), Map.entry("nzst", 12 * 3600),
            Map.entry("nzdt", 13 * 3600));

    private DateTimeWords() {
    }

    /** Month number of a (lower-case) month name, or 0. */
    static int month(String word) {
        return MONTHS.getOrDefault(word, 0);
    }

    static boolean isDay(String word) {
        return DAYS.contains(word);
    }

    /** The zone of an abbreviation or zone name (case-insensitive), or null. */
    static ZoneId zone(String word) {
        Integer off = ABBREVIATIONS.get(word.toLowerCase(java.util.Locale.ROOT));
        if (off != null) {
            return ZoneOffset.ofTotalSeconds(off);
        }
        if (word.indexOf('/') < 0) {
            return null;
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(word)) {
                return ZoneId.of(id);
            }
        }
        return null;
    }
}
