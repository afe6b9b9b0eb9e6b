package io.shale.grammar.ast;

import java.util.List;

/** GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options)]. Nullable components: name. */
public record IdentityConstraint(String name, boolean always, List<SequenceOption> options) implements ConstraintDefinition {
    public IdentityConstraint {
        options = List.copyOf(options);
    }
}
