package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers with units in setting values: parsing ({@code 5s}, {@code 64MB}) and SHOW output. */
final class Units {
    private static final String[] MEMORY_UNITS = {"TB", "GB", "MB", "kB", "B"};
    private static final double[] MEMORY_BYTES = {1024.0 * 1024 * 1024 * 1024, 1024.0 * 1024 * 1024,
        1024.0 * 1024, 1024.0, 1.0};
    private static final String[] TIME_UNITS = {"d", "h", "min", "s", "ms", "us"};
    private static final double[] TIME_MICROS = {86_400_000_000.0, 3_600_000_000.0, 60_000_000.0,
        1_000_000.0, 1_000.0, 1.0};
    private static final Pattern NUMBER = Pattern.compile(
            "\\s*([-+]?(?:0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?))\\s*([A-Za-z]*)\\s*");
    static final String MEMORY_HINT =
            "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
    static final String TIME_HINT =
            "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

    private Units() {
    }

    static boolean isMemory(String baseUnit) {
        return baseUnit != null && baseUnit.endsWith("B");
    }

    /** The size of one base unit in bytes or microseconds. */
    private static double baseSize(String baseUnit) {
        return switch (baseUnit) {
            case "B" -> 1;
            case "kB" -> 1024;
            case "8kB" -> 8192;
            case "MB" -> 1024 * 1024;
            case "us" -> 1;
            case "ms" -> 1_000;
            case "s" -> 1_000_000;
            case "min" -> 60_000_000;
            default -> throw new IllegalArgumentException("unknown unit " + baseUnit);
        };
    }

    /**
     * Parses {@code text} as a number with an optional unit and returns it in the base unit, not
     * yet rounded; null when the text is not a number with a valid unit.
     */
    static Double parse(String text, String baseUnit) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String number = m.group(1);
        String unit = m.group(2);
        double value;
        try {
            if (number.startsWith("0x") || number.startsWith("0X")) {
                value = Long.parseLong(number.substring(2), 16);
            } else {
                value = Double.parseDouble(number);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (unit.isEmpty()) {
            return value;
        }
        if (baseUnit == null) {
            return null;
        }
        String[] names = isMemory(baseUnit) ? MEMORY_UNITS : TIME_UNITS;
        double[] sizes = isMemory(baseUnit) ? MEMORY_BYTES : TIME_MICROS;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(unit)) {
                return value * sizes[i] / baseSize(baseUnit);
            }
        }
        return null;
    }

    /** SHOW form of an integer in its base unit: the largest unit that divides it exactly. */
    static String formatInteger(long value, String baseUnit) {
        if (baseUnit == null || value <= 0) {
            return Long.toString(value);
        }
        String[] names = isMemory(baseUnit) ? MEMORY_UNITS : TIME_UNITS;
        double[] sizes = isMemory(baseUnit) ? MEMORY_BYTES : TIME_MICROS;
        double base = baseSize(baseUnit);
        for (int i = 0; i < names.length; i++) {
            double multiplier = sizes[i] / base;
            if (multiplier <= 1.0) {
                return Math.round(value / multiplier) + names[i];
            }
            long m = (long) multiplier;
            if (value % m == 0) {
                return value / m + names[i];
            }
        }
        return Long.toString(value);
    }

    /** SHOW form of a real in its base unit. */
    static String formatReal(double value, String baseUnit) {
        if (baseUnit == null || value == 0) {
            return formatG(value);
        }
        String[] names = isMemory(baseUnit) ? MEMORY_UNITS : TIME_UNITS;
        double[] sizes = isMemory(baseUnit) ? MEMORY_BYTES : TIME_MICROS;
        double base = baseSize(baseUnit);
        for (int i = 0; i < names.length; i++) {
            double scaled = value / (sizes[i] / base);
            if (Math.rint(scaled) == scaled || i == names.length - 1) {
                return formatG(scaled) + names[i];
            }
        }
        return formatG(value);
    }

    /** C's {@code %g}: six significant digits, trailing zeros removed. */
    static String formatG(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String e = Integer.toString(Math.abs(exponent));
            return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    static ShaleException invalid(String name, String value) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
}
