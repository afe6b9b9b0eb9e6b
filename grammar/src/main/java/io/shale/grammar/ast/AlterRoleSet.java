package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** ALTER ROLE ... [IN DATABASE d] SET/RESET; a null role means ALL, empty values with reset false mean DEFAULT, variable "all" with reset means RESET ALL. Nullable components: role, database. */
public record AlterRoleSet(RoleSpecification role, String database, String variable, List<String> values, boolean reset) implements Statement {
    public AlterRoleSet {
        Objects.requireNonNull(variable, "variable");
        values = List.copyOf(values);
    }
}
