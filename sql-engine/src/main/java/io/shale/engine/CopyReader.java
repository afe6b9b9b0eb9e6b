package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.CopyInSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the data of a COPY FROM STDIN into rows of fields (text format with backslash escapes,
 * or CSV with quotes), across CopyData boundaries; stops at the end of data or at a {@code \.}
 * line. A null field comes back as null.
 */
final class CopyReader {
    private final CopyInSource source;
    private final CopyFormat format;
    private final StringBuilder buffer = new StringBuilder();
    private int position;
    private boolean ended;
    private long line;

    CopyReader(CopyInSource source, CopyFormat format) {
        this.source = source;
        this.format = format;
    }

    long line() {
        return line;
    }

    /** The next row's fields, or null at the end. */
    List<String> next() {
        while (true) {
            List<String> row = format.csv() ? csvRow() : textRow();
            if (row != null) {
                line++;
                return row;
            }
            if (ended) {
                return null;
            }
            fill();
        }
    }

    /** Reads past the end marker so the client's CopyDone is consumed. */
    void drain() {
        while (!ended) {
            fill();
        }
    }

    private void fill() {
        byte[] chunk = source.next();
        if (chunk == null) {
            ended = true;
            if (position < buffer.length()) {
                buffer.append('\n');
            }
            return;
        }
        if (position > 65536) {
            buffer.delete(0, position);
            position = 0;
        }
        buffer.append(new String(chunk, StandardCharsets.UTF_8));
    }

    private int lineEnd() {
        for (int i = position; i < buffer.length(); i++) {
            if (buffer.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private List<String> textRow() {
        int end = lineEnd();
        if (end < 0) {
            return null;
        }
        int stop = end > position && buffer.charAt(end - 1) == '\r' ? end - 1 : end;
        String text = buffer.substring(position, stop);
        position = end + 1;
        if (text.equals("\\.")) {
            ended = true;
            position = buffer.length();
            drainSource();
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean rawNull = true;
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == format.delimiter()) {
                fields.add(raw.toString().equals(format.nullString()) ? null : field.toString());
                field.setLength(0);
                raw.setLength(0);
                continue;
            }
            char c = text.charAt(i);
            raw.append(c);
            if (c != '\\' || i + 1 >= text.length()) {
                field.append(c);
                continue;
            }
            char n = text.charAt(++i);
            raw.append(n);
            switch (n) {
                case 'n' -> field.append('\n');
                case 't' -> field.append('\t');
                case 'r' -> field.append('\r');
                case 'b' -> field.append('\b');
                case 'f' -> field.append('\f');
                case 'v' -> field.append('\u000B');
                case 'x' -> {
                    int start = i + 1;
                    int stopHex = start;
                    while (stopHex < text.length() && stopHex < start + 2 && Character.digit(text.charAt(stopHex), 16) >= 0) {
                        stopHex++;
                    }
                    if (stopHex == start) {
                        field.append('x');
                    } else {
                        field.append((char) Integer.parseInt(text.substring(start, stopHex), 16));
                        raw.append(text, start, stopHex);
                        i = stopHex - 1;
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int start = i;
                        int stopOct = start;
                        while (stopOct < text.length() && stopOct < start + 3 && text.charAt(stopOct) >= '0' && text.charAt(stopOct) <= '7') {
                            stopOct++;
                        }
                        field.append((char) Integer.parseInt(text.substring(start, stopOct), 8));
                        raw.append(text, start + 1, stopOct);
                        i = stopOct - 1;
                    } else {
                        field.append(n);
                    }
                }
            }
        }
        return fields;
    }

    private List<String> csvRow() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = position;
        int n = buffer.length();
        if (n - i >= 2 && buffer.charAt(i) == '\\' && buffer.charAt(i + 1) == '.'
                && (i + 2 == n && ended || i + 2 < n && (buffer.charAt(i + 2) == '\n' || buffer.charAt(i + 2) == '\r'))) {
            ended = true;
            position = n;
            drainSource();
            return null;
        }
        while (i < n) {
            char c = buffer.charAt(i);
            if (quoted) {
                char quote = format.quote();
                char escape = format.escape();
                if (i + 1 >= n && !ended && (c == quote || c == escape)) {
                    return null;
                }
                char next = i + 1 < n ? buffer.charAt(i + 1) : 0;
                if (c == escape && (next == quote || escape != quote && next == escape)) {
                    field.append(next);
                    i += 2;
                } else if (c == quote) {
                    quoted = false;
                    i++;
                } else {
                    field.append(c);
                    i++;
                }
                continue;
            }
            if (c == format.quote()) {
                quoted = true;
                wasQuoted = true;
                i++;
            } else if (c == format.delimiter()) {
                fields.add(csvValue(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\n' || c == '\r') {
                fields.add(csvValue(field, wasQuoted));
                i += c == '\r' && i + 1 < n && buffer.charAt(i + 1) == '\n' ? 2 : 1;
                position = i;
                return fields;
            } else {
                field.append(c);
                i++;
            }
        }
        if (quoted && ended) {
            throw new ShaleException(ErrorCode.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
        }
        return null;
    }

    private String csvValue(StringBuilder field, boolean wasQuoted) {
        String v = field.toString();
        return !wasQuoted && v.equals(format.nullString()) ? null : v;
    }

    private void drainSource() {
        byte[] rest = source.next();
        while (rest != null) {
            rest = source.next();
        }
    }
}
