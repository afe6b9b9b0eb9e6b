package io.shale.grammar.ast;

import java.util.List;

/** ROLE roles or ADMIN roles. */
public record RoleMembers(List<String> roles, boolean admin) implements RoleOption {
    public RoleMembers {
        roles = List.copyOf(roles);
    }
}
