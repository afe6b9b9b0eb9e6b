package io.shale.wire;

import java.util.Map;

/**
 * What a connection's worker receives, in arrival order: the decoded frontend messages of the
 * PostgreSQL v3 protocol (documentation, "Message Formats"), plus two connection events
 * ({@link Malformed} and {@link Disconnected}) so that the worker sees them in order.
 */
sealed interface FrontendMessage {

    /** StartupMessage; parameters in the order sent. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
    }

    record SslRequest() implements FrontendMessage {
    }

    record GssEncRequest() implements FrontendMessage {
    }

    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    record Query(String sql) implements FrontendMessage {
    }

    record Parse(String name, String sql, int[] parameterTypes) implements FrontendMessage {
    }

    /** Bind; a null entry of {@code parameters} is SQL NULL. */
    record Bind(String portal, String statement, short[] parameterFormats, byte[][] parameters,
                short[] resultFormats) implements FrontendMessage {
    }

    /** Describe of a statement ({@code 'S'}) or a portal ({@code 'P'}). */
    record Describe(byte kind, String name) implements FrontendMessage {
    }

    record Execute(String portal, int maxRows) implements FrontendMessage {
    }

    /** Close of a statement ({@code 'S'}) or a portal ({@code 'P'}). */
    record Close(byte kind, String name) implements FrontendMessage {
    }

    record Sync() implements FrontendMessage {
    }

    record Flush() implements FrontendMessage {
    }

    record CopyData(byte[] data) implements FrontendMessage {
    }

    record CopyDone() implements FrontendMessage {
    }

    record CopyFail(String message) implements FrontendMessage {
    }

    record Terminate() implements FrontendMessage {
    }

    /**
     * A {@code 'p'} message: PasswordMessage, SASLInitialResponse or SASLResponse. Which one it
     * is depends on the authentication request the server sent, so the payload stays raw.
     */
    record PasswordMessage(byte[] data) implements FrontendMessage {
    }

    /** The byte stream broke the protocol; the connection ends with this 08P01 message. */
    record Malformed(String message) implements FrontendMessage {
    }

    /** The client went away. */
    record Disconnected() implements FrontendMessage {
    }
}
