package io.shale.engine.system;

import io.shale.common.types.SqlType;

/** A column of a system relation, with PostgreSQL 15's name and type. */
public record SystemColumn(String name, SqlType type) {
}
