package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a settings file in {@code postgresql.conf} syntax: one {@code name = value} or
 * {@code name value} per line, {@code #} comments, single-quoted values with {@code ''} and
 * backslash escapes, unquoted values made of letters, digits and {@code -._:/+}. Names are
 * case-insensitive (returned in lower case); a later line overrides an earlier one.
 */
final class ConfigFileParser {
    private final Path file;
    private int lineNumber;
    private String line;
    private int position;

    private ConfigFileParser(Path file) {
        this.file = file;
    }

    /** The settings of {@code file}, or an empty map when it does not exist. */
    static Map<String, String> parseIfExists(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw IoErrors.ioError("could not open configuration file \"" + file + "\"", e);
        }
        return parse(file, lines);
    }

    /** The settings in {@code lines}; {@code file} only names the source in error messages. */
    static Map<String, String> parse(Path file, List<String> lines) {
        ConfigFileParser parser = new ConfigFileParser(file);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String text : lines) {
            parser.lineNumber++;
            parser.line = text;
            parser.position = 0;
            parser.parseLine(settings);
        }
        return settings;
    }

    private void parseLine(Map<String, String> settings) {
        skipSpaces();
        if (atEndOfLine()) {
            return;
        }
        String name = readName();
        if (name.equals("include") || name.equals("include_if_exists") || name.equals("include_dir")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "\"" + name + "\" in file \"" + file + "\" line " + lineNumber + " is not supported");
        }
        skipSpaces();
        if (position < line.length() && line.charAt(position) == '=') {
            position++;
            skipSpaces();
        }
        if (atEndOfLine()) {
            throw syntaxError();
        }
        String value = line.charAt(position) == '\'' ? readQuoted() : readUnquoted();
        skipSpaces();
        if (!atEndOfLine()) {
            throw syntaxError();
        }
        settings.put(name, value);
    }

    private String readName() {
        int start = position;
        if (!isLetter(line.charAt(position))) {
            throw syntaxError();
        }
        while (position < line.length() && (isLetterOrDigit(line.charAt(position)) || line.charAt(position) == '.')) {
            position++;
        }
        String name = line.substring(start, position);
        if (name.endsWith(".") || name.indexOf('.') != name.lastIndexOf('.')) {
            position = start;
            throw syntaxError();
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private String readUnquoted() {
        int start = position;
        while (position < line.length() && isUnquotedChar(line.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw syntaxError();
        }
        return line.substring(start, position);
    }

    private String readQuoted() {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == '\'') {
                if (position < line.length() && line.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                } else {
                    return value.toString();
                }
            } else if (c == '\\' && position < line.length()) {
                position = unescape(value, position);
            } else {
                value.append(c);
            }
        }
        position = start;
        throw syntaxError();
    }

    /** Appends the character escaped at {@code at} (just after a backslash); returns the next position. */
    private int unescape(StringBuilder value, int at) {
        char c = line.charAt(at);
        switch (c) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            default -> {
                if (c >= '0' && c <= '7') {
                    int end = at;
                    int code = 0;
                    while (end < line.length() && end < at + 3 && line.charAt(end) >= '0' && line.charAt(end) <= '7') {
                        code = code * 8 + (line.charAt(end++) - '0');
                    }
                    value.append((char) code);
                    return end;
                }
                value.append(c);
            }
        }
        return at + 1;
    }

    private ShaleException syntaxError() {
        String where;
        if (atEndOfLine()) {
            where = "near end of line";
        } else {
            int end = position + 1;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '#') {
                end++;
            }
            where = "near token \"" + line.substring(position, end) + "\"";
        }
        return new ShaleException(ErrorCode.CONFIG_FILE_ERROR,
                "syntax error in file \"" + file + "\" line " + lineNumber + ", " + where);
    }

    private boolean atEndOfLine() {
        return position >= line.length() || line.charAt(position) == '#';
    }

    private void skipSpaces() {
        while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
            position++;
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isUnquotedChar(char c) {
        return isLetterOrDigit(c) || c == '-' || c == '.' || c == ':' || c == '/' || c == '+';
    }
}
