package io.tributary.runtime.plan;

/**
 * One venue adapter of a plan, shared by every node that refers to the same venue with the same
 * config: it is connected at start, subscribed to the patterns of the plan's sources that read it,
 * given the orders of the {@code to(Venue.ref(...))} terminals, and disconnected at stop.
 */
public interface VenueConnection extends PlanComponent {

    /** Asks the venue to publish the topics matching {@code pattern} once it is connected. */
    void subscribe(String pattern);

    /** Where {@code to(venue)} hands its values: order commands for the venue. */
    SinkTarget commands();
}
