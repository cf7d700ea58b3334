package io.tributary.topologies.model;

/** Why the risk check refused an order. */
public record OrderRejected(Order order, String reason) {
}
