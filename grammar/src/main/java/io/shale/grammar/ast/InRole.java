package io.shale.grammar.ast;

import java.util.List;

/** IN ROLE roles. */
public record InRole(List<String> roles) implements RoleOption {
    public InRole {
        roles = List.copyOf(roles);
    }
}
