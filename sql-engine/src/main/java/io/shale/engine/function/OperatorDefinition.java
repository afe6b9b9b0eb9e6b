package io.shale.engine.function;

import io.shale.common.types.SqlType;

/**
 * One built-in operator as pg_operator knows it. A prefix operator has no left type (null).
 *
 * @param symbol oprname
 * @param oid the pg_operator oid (PostgreSQL 15's where it has one)
 * @param left oprleft, null for a prefix operator
 * @param right oprright
 * @param function oprcode: the function the operator calls, with (left, right) or (right) arguments
 */
public record OperatorDefinition(String symbol, long oid, SqlType left, SqlType right, FunctionDefinition function) {

    public boolean prefix() {
        return left == null;
    }

    /** pg_operator.oprkind: 'b' binary, 'l' prefix. */
    public char oprkind() {
        return left == null ? 'l' : 'b';
    }

    public SqlType resultType() {
        return function.returnType();
    }
}
