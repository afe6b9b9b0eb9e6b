package io.shale.engine.function;

/**
 * Stand-in for {@code io.shale.common.types.Jsonb} (TYPES.md) until the common module has it: a
 * parsed JSON tree whose nodes are {@link Json#NULL}, Boolean, BigDecimal, String, List and
 * Map (keys in jsonb order: shorter first, then bytewise).
 */
record Jsonb(Object tree) {
    @Override
    public String toString() {
        return Json.print(tree, true);
    }
}
