package io.shale.server;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a child JVM by NodeTest: holds a data directory until its standard input closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (DataDirectory ignored = DataDirectory.open(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our standard input
            }
        }
    }
}
