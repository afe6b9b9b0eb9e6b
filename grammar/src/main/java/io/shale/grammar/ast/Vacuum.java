package io.shale.grammar.ast;

import java.util.List;

/** A VACUUM statement; FULL, FREEZE, VERBOSE and ANALYZE without parentheses become options. */
public record Vacuum(List<Property> options, List<VacuumTarget> targets) implements Statement {
    public Vacuum {
        options = List.copyOf(options);
        targets = List.copyOf(targets);
    }
}
