package io.shale.grammar.ast;

import java.util.Objects;

/** One bound of a window frame; offset is set for PRECEDING and FOLLOWING. Nullable components: offset. */
public record FrameBound(FrameBoundType type, Expression offset) {
    public FrameBound {
        Objects.requireNonNull(type, "type");
    }
}
