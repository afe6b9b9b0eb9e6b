package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** to_char(number, format) and to_number(text, format) with the 9 0 . , D G S MI PL SG PR FM TH patterns. */
final class NumberFormat {
    private NumberFormat() {
    }

    /** The parsed picture: digit positions before and after the point, and the sign and fill options. */
    private record Picture(String format, int integerDigits, int fractionDigits, boolean fillMode,
                           boolean explicitSign, boolean hasPoint) {
        static Picture of(String format) {
            String upper = format.toUpperCase(Locale.ROOT);
            int integer = 0;
            int fraction = 0;
            boolean point = false;
            for (int i = 0; i < upper.length(); i++) {
                char ch = upper.charAt(i);
                if (ch == '9' || ch == '0') {
                    if (point) {
                        fraction++;
                    } else {
                        integer++;
                    }
                } else if (ch == '.' || ch == 'D') {
                    point = true;
                }
            }
            boolean sign = upper.contains("S") && !upper.contains("TH") || upper.contains("MI") || upper.contains("PL")
                    || upper.contains("SG") || upper.contains("PR");
            return new Picture(format, integer, fraction, upper.contains("FM"), sign, point);
        }
    }

    static String toChar(BigDecimal value, String format) {
        Picture p = Picture.of(format);
        BigDecimal rounded = value.setScale(p.fractionDigits, RoundingMode.HALF_UP);
        boolean negative = rounded.signum() < 0;
        String digits = rounded.abs().unscaledValue().toString();
        while (digits.length() < p.fractionDigits + 1) {
            digits = "0" + digits;
        }
        String integerPart = digits.substring(0, digits.length() - p.fractionDigits);
        String fractionPart = digits.substring(digits.length() - p.fractionDigits);
        if (integerPart.equals("0")) {
            integerPart = p.hasPoint && p.fractionDigits > 0 ? "" : "0";
        }
        boolean overflow = integerPart.length() > p.integerDigits;
        String upper = format.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int integerIndex = 0;
        int fractionIndex = 0;
        boolean started = false;
        boolean signWritten = false;
        int lastFractionRelevant = lastRelevantFraction(fractionPart);
        if (!p.explicitSign) {
            out.append(' ');
        }
        int signPosition = out.length();
        for (int i = 0; i < format.length(); i++) {
            char ch = upper.charAt(i);
            if (upper.startsWith("FM", i)) {
                i++;
                continue;
            }
            if (upper.startsWith("TH", i)) {
                out.append(ordinalSuffix(value, format.charAt(i) == 't'));
                i++;
                continue;
            }
            if (upper.startsWith("MI", i) || upper.startsWith("PL", i) || upper.startsWith("SG", i)) {
                String kind = upper.substring(i, i + 2);
                out.append(switch (kind) {
                    case "MI" -> negative ? "-" : (p.fillMode ? "" : " ");
                    case "PL" -> negative ? (p.fillMode ? "" : " ") : "+";
                    default -> negative ? "-" : "+";
                });
                signWritten = true;
                i++;
                continue;
            }
            if (upper.startsWith("PR", i)) {
                if (negative) {
                    out.insert(signPosition, '<');
                    out.append('>');
                } else if (!p.fillMode) {
                    out.insert(signPosition, ' ');
                    out.append(' ');
                }
                signWritten = true;
                i++;
                continue;
            }
            switch (ch) {
                case '9', '0' -> {
                    boolean inFraction = integerIndex >= p.integerDigits;
                    if (!inFraction) {
                        int position = p.integerDigits - integerIndex;
                        integerIndex++;
                        if (overflow) {
                            out.append('#');
                        } else if (position <= integerPart.length()) {
                            started = true;
                            out.append(integerPart.charAt(integerPart.length() - position));
                        } else if (ch == '0' || started) {
                            started = true;
                            out.append('0');
                        } else if (!p.fillMode) {
                            out.append(' ');
                        }
                    } else {
                        int index = fractionIndex++;
                        if (overflow) {
                            out.append('#');
                        } else if (!p.fillMode || ch == '0' || index <= lastFractionRelevant) {
                            out.append(fractionPart.charAt(index));
                        }
                    }
                }
                case '.', 'D' -> {
                    started = started || !overflow;
                    out.append('.');
                    integerIndex = p.integerDigits;
                }
                case ',', 'G' -> {
                    if (started || overflow) {
                        out.append(',');
                    } else if (!p.fillMode) {
                        out.append(' ');
                    }
                }
                case 'S' -> {
                    out.append(negative ? '-' : '+');
                    signWritten = true;
                }
                default -> out.append(format.charAt(i));
            }
        }
        if (p.explicitSign && !signWritten && negative) {
            out.insert(0, '-');
        }
        if (negative && !p.explicitSign && !overflow) {
            int first = 1;
            while (first < out.length() && !Character.isDigit(out.charAt(first)) && out.charAt(first) != '.') {
                first++;
            }
            int at = first - 1;
            while (at > 0 && out.charAt(at) != ' ') {
                at--;
            }
            out.setCharAt(at, '-');
        }
        String result = out.toString();
        if (p.fillMode) {
            result = result.stripLeading();
        }
        return moveSign(result, upper);
    }

    /** An S before the digits sits right before the first digit, as in PostgreSQL ("  +42" for S999). */
    private static String moveSign(String s, String upper) {
        int sign = upper.indexOf('S');
        if (sign < 0 || upper.startsWith("TH", Math.max(0, sign - 1)) || !upper.matches("(?s)[^09]*S.*")) {
            return s;
        }
        int at = s.indexOf('+') >= 0 ? s.indexOf('+') : s.indexOf('-');
        if (at < 0) {
            return s;
        }
        char signChar = s.charAt(at);
        String without = s.substring(0, at) + s.substring(at + 1);
        int firstNonSpace = 0;
        while (firstNonSpace < without.length() && without.charAt(firstNonSpace) == ' ') {
            firstNonSpace++;
        }
        return without.substring(0, firstNonSpace) + signChar + without.substring(firstNonSpace);
    }

    private static int lastRelevantFraction(String fraction) {
        int last = fraction.length() - 1;
        while (last >= 0 && fraction.charAt(last) == '0') {
            last--;
        }
        return last;
    }

    private static String ordinalSuffix(BigDecimal value, boolean lower) {
        return ordinal(value.abs().setScale(0, RoundingMode.DOWN).longValue(), lower);
    }

    /** The English ordinal suffix of TH / th: st, nd, rd or th. */
    static String ordinal(long n, boolean lower) {
        String s;
        if (n % 100 >= 11 && n % 100 <= 13) {
            s = "th";
        } else {
            s = switch ((int) (n % 10)) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
        return lower ? s : s.toUpperCase(Locale.ROOT);
    }

    static BigDecimal toNumber(String text, String format) {
        Picture p = Picture.of(format);
        StringBuilder digits = new StringBuilder();
        boolean negative = false;
        boolean point = false;
        int fraction = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isDigit(ch)) {
                if (point && fraction >= p.fractionDigits) {
                    continue;
                }
                digits.append(ch);
                if (point) {
                    fraction++;
                }
            } else if (ch == '.' && p.hasPoint && !point) {
                point = true;
            } else if (ch == '-' || ch == '<' || ch == '(') {
                negative = true;
            }
        }
        if (digits.isEmpty()) {
            throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \" \"");
        }
        BigDecimal v = new BigDecimal(new java.math.BigInteger(digits.toString()), fraction);
        return negative ? v.negate() : v;
    }
}
