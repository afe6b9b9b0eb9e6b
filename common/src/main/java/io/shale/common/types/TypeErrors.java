package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/** The errors of the type system, worded as PostgreSQL words them. */
final class TypeErrors {
    private TypeErrors() {
    }

    /** 22P02 {@code invalid input syntax for type integer: "abc"}. */
    static ShaleException invalidSyntax(int oid, String text) {
        return invalidSyntax(TypeNames.format(SqlType.of(oid)), text);
    }

    static ShaleException invalidSyntax(String typeName, String text) {
        return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** 22003 {@code value "99999999999" is out of range for type integer}. */
    static ShaleException valueOutOfRange(int oid, String text) {
        return new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + text + "\" is out of range for type " + TypeNames.format(SqlType.of(oid)));
    }

    /** 22003 {@code integer out of range} and friends. */
    static ShaleException outOfRange(String what) {
        return new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, what + " out of range");
    }

    static ShaleException unsupported(int oid, String what) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                what + " of type " + TypeNames.format(SqlType.of(oid)) + " is not supported");
    }

    static ShaleException badBinary() {
        return new ShaleException(ErrorCode.INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
    }

    static ShaleException tooLong(SqlType type) {
        return new ShaleException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
                "value too long for type " + TypeNames.format(type));
    }
}
