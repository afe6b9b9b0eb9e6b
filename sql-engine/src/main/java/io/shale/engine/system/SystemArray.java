package io.shale.engine.system;

import java.util.List;

/**
 * A one-dimensional array value of a system relation column (relacl, indkey, proargtypes…).
 * Stands for common's {@code ArrayValue}; {@link TypeSupport} is the one place that makes them.
 *
 * @param lowerBound 1 for SQL arrays, 0 for int2vector and oidvector
 */
record SystemArray(int elementOid, int lowerBound, List<Object> elements) {
}
