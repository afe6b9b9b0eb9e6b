package io.shale.storage.file;

/** What a power cut does to the writes and directory operations not yet synced. */
public enum CrashMode {
    /** Every unsynced write and directory operation is lost. */
    DROP_UNSYNCED,
    /** A random prefix of them survives, the last surviving write torn (partly written). */
    TORN_PREFIX,
    /** A random subset survives, in any combination (the disk reordered them). */
    REORDER
}
