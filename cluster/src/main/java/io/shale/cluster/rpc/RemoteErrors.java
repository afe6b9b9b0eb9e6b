package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Errors across the wire: a handler's exception becomes a FAILURE frame, which becomes a ShaleException again. */
final class RemoteErrors {
    private static final Map<String, ErrorCode> BY_SQLSTATE = bySqlState();

    private RemoteErrors() {
    }

    private static Map<String, ErrorCode> bySqlState() {
        Map<String, ErrorCode> codes = new HashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            codes.putIfAbsent(code.sqlState(), code);
        }
        return Map.copyOf(codes);
    }

    static Frame.Failure failure(long requestId, String method, Throwable error) {
        Throwable cause = unwrap(error);
        ShaleException shale = switch (cause) {
            case ShaleException e -> e;
            case CancellationException e -> canceled();
            case InterruptedException e -> canceled();
            default -> new ShaleException(ErrorCode.INTERNAL_ERROR, "remote procedure \"" + method + "\" failed")
                    .withDetail(cause.getMessage());
        };
        return failure(requestId, shale);
    }

    static Frame.Failure failure(long requestId, ShaleException e) {
        return new Frame.Failure(requestId, e.code().sqlState(), e.getMessage(), e.detail(), e.hint());
    }

    /**
     * The caller's exception for a FAILURE frame. A SQLSTATE this build does not know keeps its
     * class (the first two characters) when one of the class is known, else becomes XX000.
     */
    static ShaleException exception(Frame.Failure failure) {
        ErrorCode code = BY_SQLSTATE.get(failure.sqlState());
        if (code == null && failure.sqlState().length() == 5) {
            code = BY_SQLSTATE.get(failure.sqlState().substring(0, 2) + "000");
        }
        ShaleException e = new ShaleException(code == null ? ErrorCode.INTERNAL_ERROR : code, failure.message());
        if (failure.detail() != null) {
            e = e.withDetail(failure.detail());
        }
        return failure.hint() == null ? e : e.withHint(failure.hint());
    }

    /** Whether the error is an ordinary outcome (a ShaleException or a cancel), not a bug worth logging. */
    static boolean isExpected(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof ShaleException || cause instanceof CancellationException
                || cause instanceof InterruptedException;
    }

    static ShaleException canceled() {
        return new ShaleException(ErrorCode.QUERY_CANCELED, "canceling remote call due to user request");
    }

    static ShaleException timedOut(String method, NodeAddress node) {
        return new ShaleException(ErrorCode.QUERY_CANCELED,
                "canceling remote call \"" + method + "\" to node " + node + " due to its deadline");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
