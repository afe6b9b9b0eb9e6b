package io.shale.grammar.ast;

import java.util.List;

/** An ANALYZE statement. */
public record Analyze(List<Property> options, List<VacuumTarget> targets) implements Statement {
    public Analyze {
        options = List.copyOf(options);
        targets = List.copyOf(targets);
    }
}
