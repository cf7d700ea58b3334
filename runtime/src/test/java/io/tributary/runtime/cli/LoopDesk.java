package io.tributary.runtime.cli;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;

/** Test desk whose output topic feeds its own source. */
public final class LoopDesk implements TopologyDefinition {
    @Override
    public Topology define(TopologyBuilder t) {
        t.<String>stream("orders.**", Named.as("orders-in"))
                .filter(o -> !o.isEmpty(), Named.as("risk-check"))
                .to("orders.approved", Named.as("approved"));
        return t.build();
    }
}
