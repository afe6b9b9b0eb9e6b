package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The cluster secret of {@code ./shale start}: generated at the first start and kept in
 * {@code DIR/cluster.secret} (owner-readable only), so that a restart reuses it.
 */
final class StartSecret {
    static final String FILE = "cluster.secret";

    private StartSecret() {
    }

    static ClusterSecret loadOrCreate(Path root) {
        Path file = root.resolve(FILE);
        try {
            return ClusterSecret.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return create(root, file);
        } catch (IOException e) {
            throw IoErrors.ioError("could not read file \"" + file + "\"", e);
        }
    }

    private static ClusterSecret create(Path root, Path file) {
        ClusterSecret secret = ClusterSecret.generate();
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(root);
            Files.writeString(temporary, secret.text() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // a file system without POSIX permissions keeps its default
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw IoErrors.ioError("could not write file \"" + file + "\"", e);
        }
    }
}
