package io.shale.cluster.rpc;

/**
 * One message of the internal RPC protocol; the byte layout is in {@link FrameDescriptor}.
 * Handshake frames (hello, challenge, proof, welcome) carry request id 0.
 */
sealed interface Frame {

    /** The request this frame belongs to, 0 for handshake and connection-level frames. */
    long requestId();

    /** Client → server, first frame: protocol version, the client's node name and its nonce. */
    record Hello(int version, String node, byte[] nonce) implements Frame {
        @Override
        public long requestId() {
            return 0;
        }
    }

    /** Server → client: the server's nonce and its proof that it knows the secret. */
    record Challenge(byte[] nonce, byte[] proof) implements Frame {
        @Override
        public long requestId() {
            return 0;
        }
    }

    /** Client → server: the client's proof that it knows the secret. */
    record Proof(byte[] proof) implements Frame {
        @Override
        public long requestId() {
            return 0;
        }
    }

    /** Server → client: the handshake succeeded; the client must stay within this window. */
    record Welcome(int maxInFlightRequests, int maxInFlightBytes) implements Frame {
        @Override
        public long requestId() {
            return 0;
        }
    }

    /** Client → server: call {@code method}; the server drops the work after {@code timeoutMicros}. */
    record Request(long requestId, long timeoutMicros, String method, byte[] payload) implements Frame {
    }

    /** Server → client: the final, successful answer. */
    record Response(long requestId, byte[] payload) implements Frame {
    }

    /** Server → client: one part of a streamed answer; a Response or Failure ends the stream. */
    record Chunk(long requestId, byte[] payload) implements Frame {
    }

    /**
     * Server → client: the final answer of a failed call, or with request id 0 a refused handshake
     * (the server closes the connection after it). Detail and hint may be null.
     */
    record Failure(long requestId, String sqlState, String message, String detail, String hint) implements Frame {
    }

    /** Client → server: the caller consumed chunks of a streamed answer; the server may send that many more. */
    record Credit(long requestId, int chunks) implements Frame {
    }

    /** Client → server: the caller gave up (deadline or cancel); the server drops the work and answers. */
    record Cancel(long requestId) implements Frame {
    }
}
