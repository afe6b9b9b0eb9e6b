package io.shale.grammar.ast;

import java.util.Objects;

/** REPLICA IDENTITY {DEFAULT|FULL|NOTHING|USING INDEX name}. Nullable components: index. */
public record SetReplicaIdentity(ReplicaIdentityKind kind, String index) implements AlterTableAction {
    public SetReplicaIdentity {
        Objects.requireNonNull(kind, "kind");
    }
}
