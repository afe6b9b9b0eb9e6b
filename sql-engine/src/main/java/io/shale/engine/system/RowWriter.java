package io.shale.engine.system;

import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of one scan, columns set by name and coerced to the column's Java form
 * (oids as Long, int2 as Short, "char" as a one-character String, '\0' as the empty string).
 */
final class RowWriter {
    private final List<SystemColumn> columns;
    private final Map<String, Integer> positions;
    private final List<Object[]> rows = new ArrayList<>();
    private Object[] current;

    RowWriter(List<SystemColumn> columns) {
        this.columns = columns;
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i).name(), i);
        }
        this.positions = map;
    }

    /** Starts a row whose columns are all null. */
    RowWriter row() {
        current = new Object[columns.size()];
        rows.add(current);
        return this;
    }

    RowWriter set(String column, Object value) {
        Integer at = positions.get(column);
        if (at == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        current[at] = coerce(columns.get(at).type().oid(), value);
        return this;
    }

    List<Object[]> rows() {
        return rows;
    }

    static Object coerce(int typeOid, Object value) {
        if (value == null) {
            return null;
        }
        return switch (typeOid) {
            case TypeOids.OID, TypeOids.REGPROC, TypeOids.XID, TypeOids.REGCLASS, TypeOids.REGTYPE,
                 TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGPROCEDURE, TypeOids.INT8 ->
                    value instanceof Number n ? (Object) n.longValue() : value;
            case TypeOids.INT2 -> value instanceof Number n ? (Object) n.shortValue() : value;
            case TypeOids.INT4 -> value instanceof Number n ? (Object) n.intValue() : value;
            case TypeOids.FLOAT4 -> value instanceof Number n ? (Object) n.floatValue() : value;
            case TypeOids.CHAR -> value instanceof Character c ? (c == '\0' ? "" : String.valueOf(c)) : value;
            default -> value;
        };
    }
}
