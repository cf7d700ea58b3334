package io.tributary.topologies.model;

import io.tributary.api.market.OrderCommand;

/** Why the desk's pre-trade risk check refused an order (before any venue saw it). */
public record OrderRejected(OrderCommand.Submit order, String reason) {
}
