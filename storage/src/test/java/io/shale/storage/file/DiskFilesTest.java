package io.shale.storage.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DiskFilesTest {

    @TempDir
    Path directory;

    @Test
    void anInterruptedThreadStillWritesAndKeepsItsInterrupt() throws Exception {
        DiskFiles files = DiskFiles.open(directory.resolve("nested/data"));
        assertThat(Files.isDirectory(directory.resolve("nested/data"))).isTrue();
        try (StorageFile file = files.create("f")) {
            Thread.currentThread().interrupt();
            file.write(0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            file.sync();
            assertThat(Thread.interrupted()).isTrue();
            assertThat(file.size()).isEqualTo(3);
            Thread other = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt();
                file.write(3, ByteBuffer.wrap(new byte[] {4}));
            });
            other.join();
            ByteBuffer all = ByteBuffer.allocate(4);
            file.readFully(0, all);
            assertThat(all.array()).containsExactly(1, 2, 3, 4);
        }
        files.syncDirectory();
        assertThat(files.describe()).isEqualTo(directory.resolve("nested/data").toAbsolutePath().toString());
    }

    @Test
    void renameReplacesTheTargetAndIgnoresOtherEntries() throws Exception {
        DiskFiles files = DiskFiles.open(directory);
        Files.createDirectory(directory.resolve("subdir"));
        try (StorageFile tmp = files.create("manifest.tmp")) {
            tmp.write(0, ByteBuffer.wrap(new byte[] {7}));
            tmp.sync();
        }
        files.create("manifest").close();
        files.rename("manifest.tmp", "manifest");
        assertThat(files.list()).containsExactly("manifest");
        assertThat(Files.size(directory.resolve("manifest"))).isEqualTo(1);
        assertThat(files.totalSize()).isEqualTo(1);
    }
}
