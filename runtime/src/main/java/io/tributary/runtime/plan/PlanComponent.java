package io.tributary.runtime.plan;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;

/**
 * Something a plan starts and stops with its subscriptions: a venue adapter, a sink, a routing
 * policy. Plugin components need the bus and the clock to be created, and those are known only at
 * {@link PhysicalPlan#start}, so the plan's processors hold the component and the component creates
 * its plugin instance in {@link #start}.
 */
public interface PlanComponent {

    /** How errors and logs name it, e.g. {@code venue:sim}. */
    String name();

    /**
     * Called once, after the plan's stages are subscribed (a venue may publish at once).
     *
     * @throws RuntimeException naming the component; the plan then stops what it started and rethrows
     */
    void start(MessageBus bus, EpochClock clock);

    /** Pushes out buffered output; called by the plan's timer and before {@link #stop()}. */
    default void flush() {
    }

    /** Called once, before the plan's stages are unsubscribed; must not throw. */
    void stop();
}
