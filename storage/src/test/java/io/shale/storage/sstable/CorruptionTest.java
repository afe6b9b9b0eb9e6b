package io.shale.storage.sstable;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Damaged bytes anywhere in a sorted file are reported as XX001 naming the file and offset. */
@Timeout(30)
class CorruptionTest {

    private static final TestFile CLEAN = EntryModel.random(new Random(3), 500)
            .write("damaged.sst", SortedFileOptions.defaults().withBlockSize(1024));

    private static TestFile writeFile() {
        return CLEAN.copy();
    }

    private static long footerOffset(TestFile file) {
        return file.size() - SortedFileDescriptor.FOOTER_LENGTH;
    }

    @Test
    void aFlippedByteInADataBlockFailsTheReadThatMeetsIt() {
        TestFile storage = writeFile();
        long blockOffset;
        try (SortedFile file = SortedFile.open(storage, new BlockCache(0))) {
            blockOffset = file.index().offset(2);
        }
        storage.flip(blockOffset + 17);
        try (SortedFile file = SortedFile.open(storage, new BlockCache(1 << 20))) {
            ShaleException error = catchThrowableOfType(ShaleException.class,
                    () -> EntryModel.drain(file.iterator(null, null, false)));
            assertThat(error.code()).isEqualTo(ErrorCode.DATA_CORRUPTED);
            assertThat(error.getMessage())
                    .isEqualTo("invalid block in sorted file \"damaged.sst\" at offset " + blockOffset);
            ShaleException descending = catchThrowableOfType(ShaleException.class,
                    () -> EntryModel.drain(file.iterator(null, null, true)));
            assertThat(descending.getMessage()).contains("at offset " + blockOffset);
            assertThat(file.get(file.index().lastKey(0), Long.MAX_VALUE)).isNotNull();
        }
    }

    @Test
    void aFlippedByteInEveryBlockTrailerIsCaught() {
        TestFile clean = writeFile();
        int blocks;
        try (SortedFile file = SortedFile.open(clean, new BlockCache(0))) {
            blocks = file.index().count();
        }
        for (int b = 0; b < blocks; b++) {
            TestFile storage = writeFile();
            long offset;
            int length;
            try (SortedFile file = SortedFile.open(storage, new BlockCache(0))) {
                offset = file.index().offset(b);
                length = file.index().length(b);
            }
            storage.flip(offset + length - 1 - (b % SortedFileDescriptor.BLOCK_TRAILER_LENGTH));
            try (SortedFile file = SortedFile.open(storage, new BlockCache(0))) {
                assertThatThrownBy(() -> EntryModel.drain(file.iterator(null, null, false)))
                        .isInstanceOf(ShaleException.class)
                        .hasMessage("invalid block in sorted file \"damaged.sst\" at offset " + offset);
            }
        }
    }

    @Test
    void aFlippedByteInTheFooterFailsOpen() {
        for (int i = 0; i < SortedFileDescriptor.FOOTER_LENGTH; i++) {
            TestFile storage = writeFile();
            long footer = footerOffset(storage);
            storage.flip(footer + i);
            assertThatThrownBy(() -> SortedFile.open(storage, new BlockCache(0)))
                    .isInstanceOf(ShaleException.class)
                    .satisfies(e -> assertThat(((ShaleException) e).code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
                    .hasMessage("invalid footer in sorted file \"damaged.sst\" at offset " + footer);
        }
    }

    @Test
    void aFlippedByteInAMetadataSectionFailsOpenNamingTheSection() {
        TestFile storage = writeFile();
        long footer = footerOffset(storage);
        storage.flip(footer - 5);
        assertThatThrownBy(() -> SortedFile.open(storage, new BlockCache(0)))
                .isInstanceOf(ShaleException.class)
                .hasMessageStartingWith("invalid properties in sorted file \"damaged.sst\" at offset ");
        TestFile other = writeFile();
        long indexOffset;
        try (SortedFile file = SortedFile.open(other, new BlockCache(0))) {
            indexOffset = file.index().offset(file.index().count() - 1) + file.index().length(file.index().count() - 1);
        }
        other.flip(indexOffset + 3);
        assertThatThrownBy(() -> SortedFile.open(other, new BlockCache(0)))
                .isInstanceOf(ShaleException.class)
                .hasMessage("invalid bloom filter in sorted file \"damaged.sst\" at offset " + indexOffset);
    }

    @Test
    void anotherFormatVersionIsRefused() {
        TestFile storage = writeFile();
        long footer = footerOffset(storage);
        storage.putInt(footer + 8, 2);
        byte[] bytes = new byte[SortedFileDescriptor.FOOTER_LENGTH];
        storage.read(footer, java.nio.ByteBuffer.wrap(bytes));
        storage.putInt(footer + SortedFileDescriptor.footerCrcPosition(),
                Bytes.crc32c(bytes, 0, SortedFileDescriptor.footerCrcPosition()));
        assertThatThrownBy(() -> SortedFile.open(storage, new BlockCache(0)))
                .isInstanceOf(ShaleException.class)
                .hasMessage("sorted file \"damaged.sst\" has format version 2, expected 1");
    }

    @Test
    void aTruncatedFileFailsOpen() {
        TestFile storage = writeFile();
        storage.truncate(storage.size() - 1);
        assertThatThrownBy(() -> SortedFile.open(storage, new BlockCache(0)))
                .isInstanceOf(ShaleException.class)
                .hasMessageStartingWith("invalid footer in sorted file \"damaged.sst\"");
        storage.truncate(10);
        assertThatThrownBy(() -> SortedFile.open(storage, new BlockCache(0)))
                .isInstanceOf(ShaleException.class)
                .hasMessage("invalid footer in sorted file \"damaged.sst\" at offset 0");
    }
}
