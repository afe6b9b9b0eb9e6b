package io.shale.storage;

/** PostgreSQL's row lock strengths, weakest first. */
public enum LockStrength { FOR_KEY_SHARE, FOR_SHARE, FOR_NO_KEY_UPDATE, FOR_UPDATE }
