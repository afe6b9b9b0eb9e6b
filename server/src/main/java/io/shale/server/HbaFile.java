package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.wire.AuthMethod;
import io.shale.wire.AuthRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's {@code pg_hba.conf} in its data directory, in PostgreSQL's format: one rule per line,
 * {@code local DATABASE USER METHOD} or {@code host|hostssl|hostnossl DATABASE USER ADDRESS METHOD}
 * (ADDRESS in CIDR form, an address followed by a mask, {@code all}, or {@code samehost}), with
 * {@code #} comments. The first rule that matches a connection decides; when none matches, the
 * connection is refused. Methods: trust, reject, password, md5, scram-sha-256.
 */
final class HbaFile {
    /** The file's name inside a data directory. */
    static final String NAME = "pg_hba.conf";

    private HbaFile() {
    }

    /** The rules of {@code <dataDirectory>/pg_hba.conf}, or null when there is no such file. */
    static List<AuthRule> readIfExists(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Parses the text of a pg_hba.conf file; 22023 naming the line for a rule it cannot read. */
    static List<AuthRule> parse(String text, String fileName) {
        List<AuthRule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rules.add(rule(line.split("\\s+")));
            } catch (ShaleException e) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        e.getMessage() + " in line " + (i + 1) + " of configuration file \"" + fileName + "\"");
            }
        }
        return List.copyOf(rules);
    }

    private static AuthRule rule(String[] fields) {
        String type = fields[0];
        if (type.equals("local")) {
            if (fields.length != 4) {
                throw invalid("a local rule needs a database, a user and a method");
            }
            return new AuthRule("local", fields[2], fields[1], AuthMethod.fromConfigName(fields[3]));
        }
        if (!type.equals("host") && !type.equals("hostssl") && !type.equals("hostnossl")) {
            throw invalid("invalid connection type \"" + type + "\"");
        }
        if (fields.length == 6) {
            return new AuthRule(network(fields[3], fields[4]), fields[2], fields[1], AuthMethod.fromConfigName(fields[5]));
        }
        if (fields.length != 5) {
            throw invalid("a host rule needs a database, a user, an address and a method");
        }
        String address = switch (fields[3]) {
            case "all", "0.0.0.0/0", "::/0" -> "all";
            case "samehost" -> "loopback";
            default -> fields[3];
        };
        return new AuthRule(address, fields[2], fields[1], AuthMethod.fromConfigName(fields[4]));
    }

    /** {@code 127.0.0.1 255.255.255.255} as {@code 127.0.0.1/32}. */
    private static String network(String address, String mask) {
        try {
            byte[] bytes = InetAddress.getByName(mask).getAddress();
            int prefix = 0;
            for (byte b : bytes) {
                prefix += Integer.bitCount(b & 0xff);
            }
            return address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw invalid("invalid IP mask \"" + mask + "\"");
        }
    }

    private static ShaleException invalid(String message) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
