package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.CopyInSource;

/**
 * The client's side of COPY FROM STDIN: reads CopyData, CopyDone and CopyFail from the
 * connection's queue on the session's (worker) thread. Sync and Flush are ignored during COPY,
 * as the protocol says.
 */
final class QueueCopySource implements CopyInSource {
    private final Authenticator.Input input;
    private boolean done;

    QueueCopySource(Authenticator.Input input) {
        this.input = input;
    }

    @Override
    public byte[] next() {
        if (done) {
            return null;
        }
        while (true) {
            FrontendMessage message = input.next();
            switch (message) {
                case FrontendMessage.CopyData data -> {
                    return data.data();
                }
                case FrontendMessage.CopyDone ignored -> {
                    done = true;
                    return null;
                }
                case FrontendMessage.CopyFail fail -> {
                    done = true;
                    throw new ShaleException(ErrorCode.QUERY_CANCELED,
                            "COPY from stdin failed: " + fail.message());
                }
                case FrontendMessage.Sync ignored -> { }
                case FrontendMessage.Flush ignored -> { }
                case FrontendMessage.Malformed malformed -> {
                    done = true;
                    throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, malformed.message()).asFatal();
                }
                case FrontendMessage.Disconnected ignored -> {
                    done = true;
                    throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION,
                            "unexpected EOF on client connection with an open transaction");
                }
                default -> {
                    done = true;
                    throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION,
                            "unexpected message type during COPY from stdin");
                }
            }
        }
    }
}
