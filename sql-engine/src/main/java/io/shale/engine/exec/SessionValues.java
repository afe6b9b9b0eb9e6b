package io.shale.engine.exec;

import io.shale.engine.plan.Expr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** CURRENT_USER, CURRENT_TIMESTAMP and the other values the session supplies. */
final class SessionValues {
    private SessionValues() {
    }

    static Evaluator compile(Expr.SessionValue value) {
        return switch (value.kind()) {
            case CURRENT_USER -> (row, ctx) -> ctx.session().currentUser();
            case SESSION_USER -> (row, ctx) -> ctx.session().sessionUser();
            case CURRENT_SCHEMA -> (row, ctx) -> {
                var schemas = ctx.session().currentSchemas(false);
                return schemas.isEmpty() ? null : schemas.get(0);
            };
            case CURRENT_DATABASE -> (row, ctx) -> ctx.session().currentDatabase();
            case TRANSACTION_TIMESTAMP -> (row, ctx) -> ctx.session().transactionTimestamp();
            case STATEMENT_TIMESTAMP -> (row, ctx) -> ctx.session().statementTimestamp();
            case CURRENT_DATE -> (row, ctx) -> local(ctx).toLocalDate();
            case CURRENT_TIME -> (row, ctx) -> {
                ZoneId zone = ctx.formatSettings().timeZone();
                return ctx.session().transactionTimestamp().atZone(zone).toOffsetDateTime().toOffsetTime();
            };
            case LOCAL_TIMESTAMP -> (row, ctx) -> local(ctx);
            case LOCAL_TIME -> (row, ctx) -> local(ctx).toLocalTime();
            case BACKEND_PID -> (row, ctx) -> ctx.processId();
            case TRANSACTION_ID -> (row, ctx) -> ctx.transaction().id();
        };
    }

    private static LocalDateTime local(ExecContext ctx) {
        Instant now = ctx.session().transactionTimestamp();
        return LocalDateTime.ofInstant(now, ctx.formatSettings().timeZone());
    }
}
