package io.shale.storage.sstable;

import io.shale.storage.file.StorageFile;

/**
 * Where a {@link Compaction} writes its results: each call to {@link #create()} returns a new
 * empty file (named by the store). Compaction finishes, syncs and closes every file it creates.
 */
public interface OutputFiles {

    StorageFile create();

    /** The layout of the output files. */
    default SortedFileOptions options() {
        return SortedFileOptions.defaults();
    }
}
