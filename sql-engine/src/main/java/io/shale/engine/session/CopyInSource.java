package io.shale.engine.session;

/** The client's side of a COPY FROM STDIN, read by the session's thread. */
public interface CopyInSource {

    /**
     * The payload of the next CopyData message, or null after CopyDone. Blocks until the client
     * sends one.
     *
     * @throws io.shale.common.error.ShaleException 57014 when the client sent CopyFail (its
     *     message as the detail), 08P01 when it sent something else or went away
     */
    byte[] next();
}
