package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;

import java.time.Instant;

/**
 * New orders ({@link OrderCommand.Submit}, published by strategies on {@code orders.new.<strategy>})
 * pass a pre-trade risk check; approved ones go out on CRITICAL, keyed by strategy so each
 * strategy's orders keep their order, and rejections go back to the strategies on HIGH.
 */
public final class OrderRisk implements TopologyDefinition {
    private final RiskLimits limits;

    public OrderRisk() {
        this(RiskLimits.DEFAULT);
    }

    public OrderRisk(RiskLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "order-risk";
    }

    @Override
    public String description() {
        return "orders through a pre-trade risk check: approved on CRITICAL, rejections on HIGH";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        addTo(t.stream("orders.new.*", Named.as("orders")), limits);
        return t.build();
    }

    static void addTo(Stream<OrderCommand.Submit> orders, RiskLimits limits) {
        orders.filter(limits::accepts, Named.as("risk-check"))
                .keyBy(OrderCommand.Submit::strategyId, Named.as("order-by-strategy"))
                .lane(Priority.CRITICAL, Named.as("critical"))
                .to("orders.approved", Named.as("approved"));
        // keyed before the map: the rejection (api.market's, so it crosses Kafka and Redis as Avro)
        // names the order, not the strategy
        orders.filter(o -> !limits.accepts(o), Named.as("risk-failed"))
                .keyBy(OrderCommand.Submit::strategyId, Named.as("rejection-by-strategy"))
                .map(o -> new OrderEvent.Rejected(o.clientOrderId(), o.instrument(), limits.reject(o), epochNanos()),
                        Named.as("rejection"))
                .lane(Priority.HIGH, Named.as("rejection-lane"))
                .to("orders.rejected", Named.as("rejected"));
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
