package io.shale.engine;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.TextCodec;
import io.shale.engine.plan.OutputColumn;

import java.util.List;

/** Formats rows for COPY … TO STDOUT, in text or CSV format, one line each. */
final class CopyWriter {
    private final CopyFormat format;
    private final List<OutputColumn> columns;
    private final FormatSettings settings;

    CopyWriter(CopyFormat format, List<OutputColumn> columns, FormatSettings settings) {
        this.format = format;
        this.columns = columns;
        this.settings = settings;
    }

    byte[] header() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            String name = columns.get(i).name();
            line.append(format.csv() ? csv(name, false) : text(name));
        }
        return CopyExecutor.utf8(line.append('\n').toString());
    }

    byte[] row(Object[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            Object v = row[i];
            if (v == null) {
                line.append(format.nullString());
                continue;
            }
            String s = TextCodec.format(columns.get(i).type(), v, settings);
            boolean force = format.forceQuoteAll() || format.forceQuote().contains(columns.get(i).name());
            line.append(format.csv() ? csv(s, force) : text(s));
        }
        return CopyExecutor.utf8(line.append('\n').toString());
    }

    private String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000B' -> out.append("\\v");
                default -> {
                    if (c == format.delimiter()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private String csv(String s, boolean force) {
        boolean quote = force || s.equals(format.nullString()) || s.isEmpty() && format.nullString().isEmpty()
                || s.equals("\\.");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r';
        }
        if (!quote) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append(format.quote());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == format.quote() || c == format.escape()) {
                out.append(format.escape());
            }
            out.append(c);
        }
        return out.append(format.quote()).toString();
    }
}
