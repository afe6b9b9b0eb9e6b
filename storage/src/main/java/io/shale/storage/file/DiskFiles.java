package io.shale.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@link StorageFiles} of one directory on disk: a FileChannel per open file, {@code fsync}
 * of files and of the directory itself. Thread-safe.
 */
public final class DiskFiles implements StorageFiles {

    private final Path directory;

    private DiskFiles(Path directory) {
        this.directory = directory;
    }

    /** Opens {@code directory}, creating it (and its parents) when absent. */
    public static DiskFiles open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw FileErrors.io("create directory", directory.toString(), e);
        }
        return new DiskFiles(directory.toAbsolutePath());
    }

    public Path directory() {
        return directory;
    }

    @Override
    public StorageFile create(String name) {
        Path path = resolve(name);
        try {
            return new DiskFile(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (FileAlreadyExistsException e) {
            throw FileErrors.exists(path.toString());
        } catch (IOException e) {
            throw FileErrors.io("create", path.toString(), e);
        }
    }

    @Override
    public StorageFile open(String name) {
        Path path = resolve(name);
        try {
            return new DiskFile(path, FileChannel.open(path, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        } catch (NoSuchFileException e) {
            throw FileErrors.missing("open", path.toString());
        } catch (IOException e) {
            throw FileErrors.io("open", path.toString(), e);
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(resolve(name));
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw FileErrors.io("open directory", directory.toString(), e);
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public void delete(String name) {
        Path path = resolve(name);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw FileErrors.io("remove", path.toString(), e);
        }
    }

    @Override
    public void rename(String from, String to) {
        Path source = resolve(from);
        Path target = resolve(to);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw FileErrors.io("rename", source + "\" to \"" + target, e);
        }
    }

    @Override
    public void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            throw FileErrors.io("fsync", directory.toString(), e);
        }
    }

    @Override
    public long totalSize() {
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    total += Files.size(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return total;
        } catch (IOException e) {
            throw FileErrors.io("open directory", directory.toString(), e);
        }
        return total;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    private Path resolve(String name) {
        FileErrors.checkName(name);
        return directory.resolve(name);
    }
}
