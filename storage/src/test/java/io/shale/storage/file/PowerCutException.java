package io.shale.storage.file;

/** Thrown by {@link FaultInjectingFiles} at the cut point and by every operation after it. */
public final class PowerCutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PowerCutException(String message) {
        super(message, null, false, false);
    }
}
