package io.shale.storage;

/** What a row lock does when another transaction holds a conflicting one. */
public enum WaitPolicy { WAIT, NOWAIT, SKIP_LOCKED }
