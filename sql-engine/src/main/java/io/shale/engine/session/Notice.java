package io.shale.engine.session;

/**
 * A NoticeResponse: severity ({@code NOTICE}, {@code WARNING}, {@code INFO}, …), SQLSTATE and
 * texts; detail and hint may be null.
 */
public record Notice(String severity, String sqlState, String message, String detail, String hint) {
}
