package io.shale.grammar.ast;

import java.util.Objects;

/** The frame clause of a window. Nullable components: end. */
public record WindowFrame(FrameMode mode, FrameBound start, FrameBound end, FrameExclusion exclusion) {
    public WindowFrame {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(exclusion, "exclusion");
    }
}
