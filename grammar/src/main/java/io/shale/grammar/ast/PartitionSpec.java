package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** The PARTITION BY clause of CREATE TABLE. */
public record PartitionSpec(String strategy, List<IndexElement> keys) {
    public PartitionSpec {
        Objects.requireNonNull(strategy, "strategy");
        keys = List.copyOf(keys);
    }
}
