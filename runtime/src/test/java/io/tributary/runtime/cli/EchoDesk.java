package io.tributary.runtime.cli;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.dsl.Venue;

/** Test desk: echoes the quotes of venue {@code sim} on HIGH and its orders on CRITICAL. */
public final class EchoDesk implements TopologyDefinition {
    @Override
    public Topology define(TopologyBuilder t) {
        t.source(Named.as("quotes"), Venue.ref("sim")).subscribe("data.quotes.**").lane(Priority.HIGH).to("echo.quotes");
        t.source(Named.as("orders"), Venue.ref("sim")).subscribe("orders.new.*").lane(Priority.CRITICAL).to("echo.orders");
        return t.build();
    }
}
