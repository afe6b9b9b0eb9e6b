package io.shale.storage.file;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link StorageFiles} does: DiskFiles, MemoryFiles, and the fault-injecting layer. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StorageFilesContractTest {

    @TempDir
    Path directory;

    private StorageFiles files(String kind) {
        return switch (kind) {
            case "disk" -> DiskFiles.open(directory.resolve("data"));
            case "memory" -> new MemoryFiles();
            case "fault" -> new FaultInjectingFiles();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ByteBuffer text(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(StorageFile file, long position, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        int read = file.read(position, buffer);
        return new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk", "memory", "fault"})
    void writesReadsAndTruncates(String kind) {
        StorageFiles files = files(kind);
        try (StorageFile file = files.create("a.dat")) {
            assertThat(file.name()).isEqualTo("a.dat");
            file.write(0, text("hello world"));
            file.write(file.size(), text("!"));
            file.write(6, text("W"));
            file.sync();
            assertThat(file.size()).isEqualTo(12);
            assertThat(read(file, 0, 100)).isEqualTo("hello World!");
            assertThat(read(file, 12, 10)).isEmpty();
            file.truncate(5);
            assertThat(file.size()).isEqualTo(5);
            file.write(7, text("x"));
            assertThat(read(file, 0, 100)).isEqualTo("hello\0\0x");
        }
        try (StorageFile again = files.open("a.dat")) {
            assertThat(again.size()).isEqualTo(8);
            ByteBuffer exact = ByteBuffer.allocate(3);
            again.readFully(5, exact);
            assertThat(exact.array()).containsExactly(0, 0, 'x');
        }
        assertThat(files.totalSize()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk", "memory", "fault"})
    void listsRenamesAndDeletes(String kind) {
        StorageFiles files = files(kind);
        files.create("b").close();
        try (StorageFile a = files.create("a")) {
            a.write(0, text("one"));
        }
        try (StorageFile c = files.create("c")) {
            c.write(0, text("three"));
        }
        assertThat(files.list()).containsExactly("a", "b", "c");
        files.rename("c", "a");
        files.syncDirectory();
        assertThat(files.list()).containsExactly("a", "b");
        try (StorageFile a = files.open("a")) {
            assertThat(read(a, 0, 10)).isEqualTo("three");
        }
        files.delete("b");
        files.delete("absent");
        assertThat(files.exists("b")).isFalse();
        assertThat(files.exists("a")).isTrue();
        assertThat(files.list()).containsExactly("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk", "memory", "fault"})
    void errorsNameTheFileInPostgresWording(String kind) {
        StorageFiles files = files(kind);
        files.create("x").close();
        assertThatThrownBy(() -> files.open("missing"))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR))
                .hasMessageStartingWith("could not open file \"")
                .hasMessageEndingWith("missing\": No such file or directory");
        assertThatThrownBy(() -> files.create("x"))
                .hasMessageStartingWith("could not create file \"")
                .hasMessageEndingWith("x\": File exists");
        try (StorageFile x = files.open("x")) {
            assertThatThrownBy(() -> x.readFully(0, ByteBuffer.allocate(4)))
                    .isInstanceOfSatisfying(ShaleException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
                    .hasMessageContaining("read only 0 of 4 bytes");
        }
        assertThatThrownBy(() -> files.create("../escape")).hasMessage("invalid file name \"../escape\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk", "memory", "fault"})
    void aClosedFileRefusesWork(String kind) {
        StorageFiles files = files(kind);
        StorageFile file = files.create("f");
        file.close();
        file.close();
        assertThatThrownBy(file::size).isInstanceOf(ShaleException.class);
    }
}
