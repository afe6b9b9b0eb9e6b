package io.shale.engine.session;

/** The client's side of a COPY FROM STDIN, read by the session's thread. */
public interface CopyInSource {

    /**
     * The payload of the next CopyData message, or null after CopyDone. Blocks until the client
     * sends one.
     *
     * @throws io.shale.common.error.ShaleException 57014 {@code COPY from stdin failed: <the
     *     client's message>} when the client sent CopyFail, 08P01 when it sent something else or
     *     went away (FATAL when its bytes broke the protocol)
     */
    byte[] next();
}
