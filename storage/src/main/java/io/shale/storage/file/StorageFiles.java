package io.shale.storage.file;

import java.util.List;

/**
 * The flat directory of files one store keeps (WAL segments, sorted files, manifest). Every
 * byte the store persists goes through this interface, so that tests can swap in a file layer
 * that injects faults (lost unsynced writes, torn writes, reordered writes) and so that an
 * in-memory node runs the same code as a durable one.
 *
 * <p>Durability rules, as with POSIX files: data written to a file is durable after
 * {@link StorageFile#sync()}; a file's creation, rename or deletion is durable after
 * {@link #syncDirectory()}. Names are plain file names (no separators). Thread-safe.
 */
public interface StorageFiles {

    /** Creates a new empty file; fails if it exists. */
    StorageFile create(String name);

    /** Opens an existing file for reading and writing; fails with a clear error if absent. */
    StorageFile open(String name);

    boolean exists(String name);

    /** The names of the files present, sorted. */
    List<String> list();

    /** Deletes a file if present. */
    void delete(String name);

    /** Renames {@code from} to {@code to}, replacing {@code to} atomically if it exists. */
    void rename(String from, String to);

    /** Makes creations, renames and deletions done so far durable. */
    void syncDirectory();

    /** Total bytes of the files present (for pg_database_size). */
    long totalSize();

    /** A description for messages: the directory path, or {@code memory}. */
    String describe();
}
