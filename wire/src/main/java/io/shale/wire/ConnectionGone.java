package io.shale.wire;

/** Unwinds the worker when the client went away or said Terminate; nothing is left to tell it. */
final class ConnectionGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionGone() {
        super("connection gone", null, false, false);
    }
}
