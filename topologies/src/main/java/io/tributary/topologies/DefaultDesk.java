package io.tributary.topologies;

import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;

/**
 * The desk {@code tributary run} runs when no topology is named: market-data fan-out, trade bars and
 * the order risk check in one topology, so every lane carries traffic.
 */
public final class DefaultDesk implements TopologyDefinition {

    @Override
    public String name() {
        return "default-desk";
    }

    @Override
    public String description() {
        return "market-data-fanout + trade-bars + order-risk in one desk (the default of `run`)";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        MarketDataFanout.addTo(t);
        TradeBars.addTo(t);
        OrderRisk.addTo(t, RiskLimits.DEFAULT);
        return t.build();
    }
}
