package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;

/** Text output and input of arrays: {@code {1,2,NULL,"a b"}}, {@code [0:1]={…}}, nesting, quoting. */
final class ArrayText {
    private ArrayText() {
    }

    static String format(ArrayValue a, SqlType elementType, FormatSettings s) {
        if (a.ndims() == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder(8 + a.size() * 4);
        boolean decorate = false;
        for (int lb : a.lowerBounds()) {
            decorate |= lb != 1;
        }
        if (decorate) {
            for (int d = 0; d < a.ndims(); d++) {
                sb.append('[').append(a.lowerBounds()[d]).append(':')
                        .append(a.lowerBounds()[d] + a.dims()[d] - 1).append(']');
            }
            sb.append('=');
        }
        ValueCodec codec = Codecs.require(elementType.oid(), "text output");
        int[] index = {0};
        level(sb, a, 0, index, elementType, codec, s);
        return sb.toString();
    }

    private static void level(StringBuilder sb, ArrayValue a, int dim, int[] index, SqlType et, ValueCodec codec,
                              FormatSettings s) {
        sb.append('{');
        for (int i = 0; i < a.dims()[dim]; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (dim + 1 < a.ndims()) {
                level(sb, a, dim + 1, index, et, codec, s);
            } else {
                Object e = a.elements()[index[0]++];
                if (e == null) {
                    sb.append("NULL");
                } else {
                    element(sb, codec.format(et, e, s));
                }
            }
        }
        sb.append('}');
    }

    static void element(StringBuilder sb, String v) {
        boolean quote = v.isEmpty() || v.equalsIgnoreCase("NULL");
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || isSpace(c);
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    static ArrayValue parse(String text, SqlType elementType, FormatSettings s) {
        return new Reader(text, elementType, s).read();
    }

    /** A recursive-descent reader of one array literal. */
    private static final class Reader {
        private final String text;
        private final SqlType et;
        private final FormatSettings settings;
        private final ValueCodec codec;
        private int pos;
        private final List<Object> elements = new ArrayList<>();
        private int[] dims = new int[0];

        Reader(String text, SqlType et, FormatSettings settings) {
            this.text = text;
            this.et = et;
            this.settings = settings;
            this.codec = Codecs.require(et.oid(), "text input");
        }

        private ShaleException malformed(String detail) {
            return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "malformed array literal: \"" + text + "\"").withDetail(detail);
        }

        private void skipSpace() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
        }

        ArrayValue read() {
            skipSpace();
            List<int[]> bounds = new ArrayList<>();
            while (pos < text.length() && text.charAt(pos) == '[') {
                int close = text.indexOf(']', pos);
                if (close < 0) {
                    throw malformed("Missing \"]\" after array dimensions.");
                }
                String[] p = text.substring(pos + 1, close).split(":", -1);
                try {
                    int lo = p.length == 2 ? Integer.parseInt(p[0].trim()) : 1;
                    int hi = Integer.parseInt(p[p.length - 1].trim());
                    bounds.add(new int[] {lo, hi});
                } catch (NumberFormatException e) {
                    throw malformed("\"[\" must introduce explicitly-specified array dimensions.");
                }
                pos = close + 1;
                skipSpace();
            }
            if (!bounds.isEmpty()) {
                if (pos >= text.length() || text.charAt(pos) != '=') {
                    throw malformed("Missing \"=\" after array dimensions.");
                }
                pos++;
                skipSpace();
            }
            if (pos >= text.length() || text.charAt(pos) != '{') {
                throw malformed("Array value must start with \"{\" or dimension information.");
            }
            List<Integer> sizes = new ArrayList<>();
            level(0, sizes);
            skipSpace();
            if (pos != text.length()) {
                throw malformed("Junk after closing right brace.");
            }
            if (elements.isEmpty()) {
                if (sizes.size() > 1) {
                    throw malformed("Unexpected \"}\" character.");
                }
                return ArrayValue.empty(et.oid());
            }
            dims = new int[sizes.size()];
            int[] lbs = new int[sizes.size()];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = sizes.get(d);
                lbs[d] = 1;
            }
            if (!bounds.isEmpty()) {
                if (bounds.size() != dims.length) {
                    throw malformed("Specified array dimensions do not match array contents.");
                }
                for (int d = 0; d < dims.length; d++) {
                    lbs[d] = bounds.get(d)[0];
                    if (bounds.get(d)[1] - bounds.get(d)[0] + 1 != dims[d]) {
                        throw malformed("Specified array dimensions do not match array contents.");
                    }
                }
            }
            return new ArrayValue(et.oid(), dims, lbs, elements.toArray());
        }

        private void level(int depth, List<Integer> sizes) {
            pos++;
            if (sizes.size() == depth) {
                sizes.add(-1);
            }
            int count = 0;
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                record(depth, sizes, 0);
                return;
            }
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    throw malformed("Unexpected end of input.");
                }
                if (text.charAt(pos) == '{') {
                    if (count > 0 && sizes.size() == depth + 1) {
                        throw malformed("Unexpected \"{\" character.");
                    }
                    level(depth + 1, sizes);
                } else {
                    if (sizes.size() > depth + 1) {
                        throw malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
                    }
                    elements.add(element());
                }
                count++;
                skipSpace();
                if (pos >= text.length()) {
                    throw malformed("Unexpected end of input.");
                }
                char c = text.charAt(pos++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed("Unexpected \"" + c + "\" character.");
                }
            }
            record(depth, sizes, count);
        }

        private void record(int depth, List<Integer> sizes, int count) {
            if (sizes.get(depth) == -1) {
                sizes.set(depth, count);
            } else if (sizes.get(depth) != count) {
                throw malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
        }

        private Object element() {
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            int lastSignificant = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    quoted = true;
                    pos++;
                    while (pos < text.length() && text.charAt(pos) != '"') {
                        if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                            pos++;
                        }
                        sb.append(text.charAt(pos++));
                    }
                    if (pos >= text.length()) {
                        throw malformed("Unexpected end of input.");
                    }
                    pos++;
                    lastSignificant = sb.length();
                } else if (c == '\\' && pos + 1 < text.length()) {
                    sb.append(text.charAt(pos + 1));
                    pos += 2;
                    lastSignificant = sb.length();
                } else if (c == ',' || c == '}') {
                    break;
                } else if (c == '{') {
                    throw malformed("Unexpected \"" + c + "\" character.");
                } else {
                    sb.append(c);
                    pos++;
                    if (!isSpace(c)) {
                        lastSignificant = sb.length();
                    }
                }
            }
            String v = sb.substring(0, lastSignificant);
            if (!quoted && v.equalsIgnoreCase("NULL")) {
                return null;
            }
            if (!quoted && v.isEmpty()) {
                throw malformed("Unexpected \"" + (pos < text.length() ? text.charAt(pos) : ' ') + "\" character.");
            }
            return codec.parse(et, v, settings);
        }
    }
}
