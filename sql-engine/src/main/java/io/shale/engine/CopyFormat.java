package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.CopyOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of one COPY: text or CSV, delimiter, NULL string, quote and escape, HEADER, and
 * the columns FORCE_QUOTE / FORCE_NOT_NULL name.
 */
record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header,
                  List<String> forceQuote, boolean forceQuoteAll, List<String> forceNotNull) {

    static CopyFormat of(List<CopyOption> options) {
        boolean csv = false;
        Character delimiter = null;
        String nullString = null;
        Character quote = null;
        Character escape = null;
        boolean header = false;
        List<String> forceQuote = new ArrayList<>();
        boolean forceQuoteAll = false;
        List<String> forceNotNull = new ArrayList<>();
        for (CopyOption o : options) {
            String value = o.value();
            switch (o.name().toLowerCase(Locale.ROOT)) {
                case "format" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "csv" -> csv = true;
                        case "text" -> csv = false;
                        case "binary" -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY BINARY is not supported");
                        default -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY format \"" + value + "\" not recognized");
                    }
                }
                case "csv" -> csv = true;
                case "binary" -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY BINARY is not supported");
                case "delimiter" -> delimiter = single(value, "COPY delimiter");
                case "null" -> nullString = value;
                case "quote" -> quote = single(value, "COPY quote");
                case "escape" -> escape = single(value, "COPY escape");
                case "header" -> header = value == null || !value.equalsIgnoreCase("false") && !value.equals("0")
                        && !value.equalsIgnoreCase("off");
                case "force_quote" -> {
                    if (o.allColumns()) {
                        forceQuoteAll = true;
                    } else {
                        forceQuote.addAll(o.columns());
                    }
                }
                case "force_not_null" -> forceNotNull.addAll(o.columns());
                case "freeze", "encoding", "oids" -> {
                }
                default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR, "option \"" + o.name() + "\" not recognized");
            }
        }
        if (!csv && (quote != null || escape != null || !forceQuote.isEmpty() || forceQuoteAll || !forceNotNull.isEmpty())) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY quote, escape and force options are available only in CSV mode");
        }
        return new CopyFormat(csv, delimiter != null ? delimiter : csv ? ',' : '\t',
                nullString != null ? nullString : csv ? "" : "\\N", quote != null ? quote : '"',
                escape != null ? escape : quote != null ? quote : '"', header, forceQuote, forceQuoteAll, forceNotNull);
    }

    private static char single(String value, String what) {
        if (value == null || value.length() != 1 || value.charAt(0) > 127) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " must be a single one-byte character");
        }
        return value.charAt(0);
    }
}
