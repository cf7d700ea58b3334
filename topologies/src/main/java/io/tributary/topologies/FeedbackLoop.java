package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.OrderCommand;

/**
 * A deliberately broken desk (not registered as a built-in): it reads {@code orders.**} and
 * publishes approved orders to {@code orders.approved}, which its own source matches, so every
 * order would circle forever. The compiler refuses it, naming each node of the cycle:
 * {@code ./tributary describe io.tributary.topologies.FeedbackLoop}.
 */
public final class FeedbackLoop implements TopologyDefinition {
    @Override
    public String name() {
        return "feedback-loop";
    }

    @Override
    public String description() {
        return "a broken desk whose output feeds its own source (shows the cycle check)";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        t.<OrderCommand.Submit>stream("orders.**", Named.as("all-orders"))
                .filter(RiskLimits.DEFAULT::accepts, Named.as("risk-check"))
                .lane(Priority.CRITICAL, Named.as("critical"))
                .to("orders.approved", Named.as("approved"));
        return t.build();
    }
}
