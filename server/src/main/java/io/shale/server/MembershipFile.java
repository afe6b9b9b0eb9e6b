package io.shale.server;

import io.shale.cluster.node.Membership;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The node's group id and its coordinator, kept in {@code <data>/shale.cluster} once a coordinator
 * added the node:
 *
 * <pre>
 *   group=1
 *   coordinator=127.0.0.1:5432
 * </pre>
 *
 * Written to a temporary file and moved into place, so a crash leaves the old or the new one.
 */
final class MembershipFile {
    static final String FILE = "shale.cluster";

    private MembershipFile() {
    }

    /** The membership recorded in {@code dataDirectory}: group 0 and no coordinator when none is. */
    static Membership load(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        int group = 0;
        NodeAddress coordinator = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String value = line.substring(equals + 1).strip();
                switch (line.substring(0, equals).strip()) {
                    case "group" -> group = Integer.parseInt(value);
                    case "coordinator" -> coordinator = value.isEmpty() ? null : NodeAddress.parse(value);
                    default -> {
                    }
                }
            }
        } catch (NoSuchFileException e) {
            group = 0;
        } catch (IOException | RuntimeException e) {
            throw new ShaleException(ErrorCode.CONFIG_FILE_ERROR, "could not read file \"" + file + "\": " + e.getMessage());
        }
        return new Membership(group, coordinator, (g, c) -> save(file, g, c));
    }

    private static void save(Path file, int group, NodeAddress coordinator) {
        Path temporary = file.resolveSibling(FILE + ".tmp");
        String text = "group=" + group + "\ncoordinator=" + (coordinator == null ? "" : coordinator) + "\n";
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw IoErrors.ioError("could not write file \"" + file + "\"", e);
        }
    }
}
