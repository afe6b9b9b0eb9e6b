package io.shale.common.error;

/**
 * The one exception type that crosses module boundaries: a PostgreSQL-style error with its
 * SQLSTATE, message and optional detail, hint and statement position (1-based, in characters).
 *
 * <p>Messages follow PostgreSQL's wording (lower case, no final period) and never name a Java
 * class. Severity is ERROR unless {@link #fatal()} says the connection must end.
 */
public class ShaleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    private final String hint;
    private final int position;
    private final boolean fatal;

    public ShaleException(ErrorCode code, String message) {
        this(code, message, null, null, 0, false, null);
    }

    public ShaleException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, null, 0, false, cause);
    }

    private ShaleException(ErrorCode code, String message, String detail, String hint, int position,
                           boolean fatal, Throwable cause) {
        super(message, cause, false, cause != null);
        this.code = code;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.fatal = fatal;
    }

    public static ShaleException unsupported(String feature) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, feature + " is not supported");
    }

    public ShaleException withDetail(String newDetail) {
        return new ShaleException(code, getMessage(), newDetail, hint, position, fatal, getCause());
    }

    public ShaleException withHint(String newHint) {
        return new ShaleException(code, getMessage(), detail, newHint, position, fatal, getCause());
    }

    /** Returns a copy that carries the 1-based character position of the error in the statement. */
    public ShaleException withPosition(int newPosition) {
        return new ShaleException(code, getMessage(), detail, hint, newPosition, fatal, getCause());
    }

    /** Returns a copy of severity FATAL: the connection ends after the client is told. */
    public ShaleException asFatal() {
        return new ShaleException(code, getMessage(), detail, hint, position, true, getCause());
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** 1-based character position in the statement text, or 0 when unknown. */
    public int position() {
        return position;
    }

    public boolean fatal() {
        return fatal;
    }
}
