package io.shale.cluster.txn;

/**
 * One edge of the distributed wait-for graph: {@code waiting} is blocked on a row lock that {@code holding} has, on
 * some node.
 */
public record WaitEdge(DistributedTransactionId waiting, DistributedTransactionId holding) {
}
