package io.shale.grammar.ast;

/** One option of CREATE ROLE or ALTER ROLE. */
public sealed interface RoleOption
        permits RoleFlag,
                ConnectionLimit,
                RolePassword,
                ValidUntil,
                InRole,
                RoleMembers {
}
