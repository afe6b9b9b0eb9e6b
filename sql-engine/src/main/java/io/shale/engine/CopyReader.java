package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.CopyInSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the data of a COPY FROM STDIN into rows of fields (text format with backslash escapes,
 * or CSV with quotes), across CopyData boundaries; stops at the end of data or at a {@code \.}
 * line. Works on the UTF-8 bytes, so a character split between two CopyData messages stays whole
 * and a field without escapes becomes a String with one copy. A null field comes back as null.
 */
final class CopyReader {
    private final CopyInSource source;
    private final CopyFormat format;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullBytes;
    private final List<String> fields = new ArrayList<>();
    private byte[] buffer = new byte[65536];
    private int limit;
    private int position;
    private byte[] scratch = new byte[256];
    private boolean ended;
    private long line;

    CopyReader(CopyInSource source, CopyFormat format) {
        this.source = source;
        this.format = format;
        this.delimiter = (byte) format.delimiter();
        this.quote = (byte) format.quote();
        this.escape = (byte) format.escape();
        this.nullBytes = format.nullString().getBytes(StandardCharsets.UTF_8);
    }

    long line() {
        return line;
    }

    /** The next row's fields (a list reused by the following call), or null at the end. */
    List<String> next() {
        while (true) {
            boolean row = format.csv() ? csvRow() : textRow();
            if (row) {
                line++;
                return fields;
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
            if (position < limit) {
                append(new byte[] {'\n'});
            }
            return;
        }
        append(chunk);
    }

    private void append(byte[] chunk) {
        if (position > 0 && limit + chunk.length > buffer.length) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit + chunk.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, limit + chunk.length));
        }
        System.arraycopy(chunk, 0, buffer, limit, chunk.length);
        limit += chunk.length;
    }

    private boolean textRow() {
        byte[] b = buffer;
        int end = position;
        while (end < limit && b[end] != '\n') {
            end++;
        }
        if (end >= limit) {
            return false;
        }
        int start = position;
        int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
        position = end + 1;
        if (stop - start == 2 && b[start] == '\\' && b[start + 1] == '.') {
            endOfData();
            return false;
        }
        fields.clear();
        int fieldStart = start;
        boolean escaped = false;
        for (int i = start; i <= stop; i++) {
            if (i == stop || b[i] == delimiter) {
                fields.add(textField(b, fieldStart, i, escaped));
                fieldStart = i + 1;
                escaped = false;
            } else if (b[i] == '\\' && i + 1 < stop) {
                escaped = true;
                i++;
            }
        }
        return true;
    }

    private String textField(byte[] b, int from, int to, boolean escaped) {
        if (Arrays.equals(b, from, to, nullBytes, 0, nullBytes.length)) {
            return null;
        }
        if (!escaped) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = scratch(to - from);
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '\\' || i + 1 >= to) {
                out[n++] = c;
                continue;
            }
            byte e = b[++i];
            switch (e) {
                case 'n' -> out[n++] = '\n';
                case 't' -> out[n++] = '\t';
                case 'r' -> out[n++] = '\r';
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'v' -> out[n++] = 0x0B;
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < to && Character.digit(b[i + 1], 16) >= 0) {
                        v = v * 16 + Character.digit(b[++i], 16);
                        digits++;
                    }
                    out[n++] = digits == 0 ? (byte) 'x' : (byte) v;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int digits = 1; digits < 3 && i + 1 < to && b[i + 1] >= '0' && b[i + 1] <= '7'; digits++) {
                            v = v * 8 + b[++i] - '0';
                        }
                        out[n++] = (byte) v;
                    } else {
                        out[n++] = e;
                    }
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        return scratch;
    }

    private boolean csvRow() {
        byte[] b = buffer;
        int i = position;
        int n = limit;
        if (n - i >= 2 && b[i] == '\\' && b[i + 1] == '.'
                && (i + 2 == n && ended || i + 2 < n && (b[i + 2] == '\n' || b[i + 2] == '\r'))) {
            endOfData();
            return false;
        }
        fields.clear();
        byte[] out = scratch(64);
        int len = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i < n) {
            byte c = b[i];
            if (len + 1 >= out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                scratch = out;
            }
            if (quoted) {
                if (i + 1 >= n && !ended && (c == quote || c == escape)) {
                    return false;
                }
                byte next = i + 1 < n ? b[i + 1] : 0;
                if (c == escape && (next == quote || escape != quote && next == escape)) {
                    out[len++] = next;
                    i += 2;
                } else if (c == quote) {
                    quoted = false;
                    i++;
                } else {
                    out[len++] = c;
                    i++;
                }
                continue;
            }
            if (c == quote) {
                quoted = true;
                wasQuoted = true;
                i++;
            } else if (c == delimiter) {
                fields.add(csvValue(out, len, wasQuoted));
                len = 0;
                wasQuoted = false;
                i++;
            } else if (c == '\n' || c == '\r') {
                fields.add(csvValue(out, len, wasQuoted));
                i += c == '\r' && i + 1 < n && b[i + 1] == '\n' ? 2 : 1;
                position = i;
                return true;
            } else {
                out[len++] = c;
                i++;
            }
        }
        if (quoted && ended) {
            throw new ShaleException(ErrorCode.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
        }
        return false;
    }

    private String csvValue(byte[] value, int len, boolean wasQuoted) {
        if (!wasQuoted && Arrays.equals(value, 0, len, nullBytes, 0, nullBytes.length)) {
            return null;
        }
        return new String(value, 0, len, StandardCharsets.UTF_8);
    }

    private void endOfData() {
        ended = true;
        position = limit;
        byte[] rest = source.next();
        while (rest != null) {
            rest = source.next();
        }
    }
}
