package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.CastContext;
import io.shale.common.types.Casts;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.common.types.TypeCategory;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;
import io.shale.engine.plan.Expr;

import java.util.List;

/**
 * PostgreSQL's type coercion rules for the analyzer: typing of unknown literals and parameters,
 * implicit, assignment and explicit casts, and the common type of CASE, UNION, VALUES, ….
 */
final class TypeCoercion {
    private final AnalyzerContext context;

    TypeCoercion(AnalyzerContext context) {
        this.context = context;
    }

    /** How strict a coercion is. */
    enum Mode { IMPLICIT, ASSIGNMENT, EXPLICIT }

    static boolean isUnknown(SqlType type) {
        return type.oid() == TypeOids.UNKNOWN;
    }

    Expr coerce(Expr expr, SqlType target, Mode mode, int position) {
        SqlType from = expr.type();
        if (from.oid() == target.oid() && (target.typmod() < 0 || from.typmod() == target.typmod())) {
            return expr;
        }
        if (target.oid() == TypeOids.ANY || target.oid() == TypeOids.ANYELEMENT) {
            return isUnknown(from) ? coerce(expr, SqlType.TEXT, mode, position) : expr;
        }
        if (expr instanceof Expr.Param p && isUnknown(p.type())) {
            context.setParameterType(p.index(), target);
            return new Expr.Param(p.index(), target);
        }
        if (expr instanceof Expr.Literal l && isUnknown(from)) {
            if (l.value() == null) {
                return new Expr.Literal(null, target);
            }
            try {
                Object value = TextCodec.parse(target, (String) l.value(), context.settings);
                if (target.typmod() >= 0) {
                    value = io.shale.engine.exec.TypeOps.cast(value, new SqlType(target.oid(), -1), target, mode == Mode.EXPLICIT, context.settings);
                }
                return new Expr.Literal(value, target);
            } catch (ShaleException e) {
                throw e.position() > 0 ? e : e.withPosition(position);
            }
        }
        if (isUnknown(from)) {
            return new Expr.Cast(new Expr.Cast(expr, SqlType.TEXT, true), target, mode == Mode.EXPLICIT);
        }
        if (from.oid() != target.oid()) {
            CastContext allowed = Casts.castContext(from.oid(), target.oid());
            boolean ok = switch (allowed) {
                case IMPLICIT -> true;
                case ASSIGNMENT -> mode != Mode.IMPLICIT;
                case EXPLICIT -> mode == Mode.EXPLICIT;
                case NONE -> false;
            };
            if (!ok) {
                throw cannotCoerce(from, target, mode, position);
            }
        }
        if (expr instanceof Expr.Literal l) {
            Object value = l.value() == null ? null
                    : io.shale.engine.exec.TypeOps.cast(l.value(), from, target, mode == Mode.EXPLICIT, context.settings);
            return new Expr.Literal(value, target);
        }
        return new Expr.Cast(expr, target, mode == Mode.EXPLICIT);
    }

    private static ShaleException cannotCoerce(SqlType from, SqlType to, Mode mode, int position) {
        if (mode == Mode.EXPLICIT) {
            return new ShaleException(ErrorCode.CANNOT_COERCE, "cannot cast type " + TypeNames.format(from)
                    + " to " + TypeNames.format(to)).withPosition(position);
        }
        return new ShaleException(ErrorCode.DATATYPE_MISMATCH, "cannot cast type " + TypeNames.format(from)
                + " to " + TypeNames.format(to) + " implicitly").withPosition(position);
    }

    /** The value of a column assignment: 42804 with PostgreSQL's text when the types do not fit. */
    Expr assign(Expr expr, SqlType target, String column, int position) {
        try {
            return coerce(expr, target, Mode.ASSIGNMENT, position);
        } catch (ShaleException e) {
            if (e.code() != ErrorCode.DATATYPE_MISMATCH) {
                throw e;
            }
            throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" is of type "
                    + TypeNames.format(target) + " but expression is of type " + TypeNames.format(expr.type()))
                    .withHint("You will need to rewrite or cast the expression.").withPosition(position);
        }
    }

    /** A boolean condition (WHERE, ON, HAVING, CASE WHEN, AND, OR, NOT). */
    Expr condition(Expr expr, String construct, int position) {
        if (expr.type().oid() == TypeOids.BOOL) {
            return expr;
        }
        if (isUnknown(expr.type())) {
            return coerce(expr, SqlType.BOOL, Mode.IMPLICIT, position);
        }
        throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, "argument of " + construct + " must be type boolean, not type "
                + TypeNames.format(expr.type())).withPosition(position);
    }

    /** The type that every one of {@code types} converts to implicitly (PostgreSQL's select_common_type). */
    SqlType commonType(List<SqlType> types, String construct, int position) {
        SqlType result = null;
        for (SqlType t : types) {
            if (isUnknown(t)) {
                continue;
            }
            if (result == null) {
                result = t;
                continue;
            }
            if (t.oid() == result.oid()) {
                if (t.typmod() != result.typmod()) {
                    result = SqlType.of(result.oid());
                }
                continue;
            }
            TypeCategory rc = TypeCategory.of(result.oid());
            TypeCategory tc = TypeCategory.of(t.oid());
            if (rc != tc) {
                throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, construct + " types " + TypeNames.format(result)
                        + " and " + TypeNames.format(t) + " cannot be matched").withPosition(position);
            }
            boolean toT = Casts.castContext(result.oid(), t.oid()) == CastContext.IMPLICIT;
            boolean toResult = Casts.castContext(t.oid(), result.oid()) == CastContext.IMPLICIT;
            if (toT && (!toResult || TypeCategory.preferred(t.oid()))) {
                result = t;
            } else if (!toResult) {
                throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, construct + " types " + TypeNames.format(result)
                        + " and " + TypeNames.format(t) + " cannot be matched").withPosition(position);
            }
        }
        return result == null ? SqlType.TEXT : result;
    }
}
