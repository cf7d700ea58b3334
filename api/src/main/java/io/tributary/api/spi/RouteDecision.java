package io.tributary.api.spi;

import io.tributary.api.Priority;
import io.tributary.api.Topic;

import java.util.List;
import java.util.Objects;

/**
 * A {@link RoutingPolicy}'s answer: a lane and the destination topics. Immutable; build the
 * decisions a policy can return once, up front, and return the same instances per message.
 */
public final class RouteDecision {

    /** Route nowhere. */
    public static final RouteDecision DROP = new RouteDecision(null, List.of());

    private final Priority lane;
    private final List<String> destinations;

    private RouteDecision(Priority lane, List<String> destinations) {
        this.lane = lane;
        this.destinations = destinations;
    }

    /** @throws IllegalArgumentException when a destination is not a valid topic, naming it */
    public static RouteDecision to(Priority lane, String... destinations) {
        return to(lane, List.of(destinations));
    }

    /** @throws IllegalArgumentException when there are no destinations or one is not a valid topic */
    public static RouteDecision to(Priority lane, List<String> destinations) {
        Objects.requireNonNull(lane, "lane");
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one destination (use RouteDecision.DROP for none)");
        }
        for (String destination : destinations) {
            Topic.validate(destination);
        }
        return new RouteDecision(lane, List.copyOf(destinations));
    }

    /** The lane, or null for {@link #DROP}. */
    public Priority lane() {
        return lane;
    }

    /** Destination topics; empty for {@link #DROP}. */
    public List<String> destinations() {
        return destinations;
    }

    public boolean isDrop() {
        return destinations.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteDecision d && d.lane == lane && d.destinations.equals(destinations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lane, destinations);
    }

    @Override
    public String toString() {
        return isDrop() ? "DROP" : lane + " -> " + String.join(",", destinations);
    }
}
