package io.tributary.api.dsl;

import io.tributary.api.Priority;
import io.tributary.api.Topic;

import java.util.Objects;

/**
 * A routing decision: the lane and/or destination topic of one message. Immutable and meant to be
 * created once and returned many times (a router that returns constants allocates nothing).
 *
 * <p>A destination replaces the topic of the {@code to(topic)} the stream ends in; a lane replaces
 * the stream's lane until a later {@link Stream#lane(Priority)}.
 */
public final class Route {
    private final String topic;
    private final Priority lane;

    private Route(String topic, Priority lane) {
        this.topic = topic;
        this.lane = lane;
    }

    /** Keep the stream's lane, publish to {@code topic}. */
    public static Route to(String topic) {
        return new Route(Topic.validate(topic), null);
    }

    public static Route to(String topic, Priority lane) {
        return new Route(Topic.validate(topic), Objects.requireNonNull(lane, "lane"));
    }

    /** Keep the sink's topic, move to {@code lane}. */
    public static Route lane(Priority lane) {
        return new Route(null, Objects.requireNonNull(lane, "lane"));
    }

    /** The destination topic, or null to keep the sink's. */
    public String topic() {
        return topic;
    }

    /** The lane, or null to keep the stream's. */
    public Priority lane() {
        return lane;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && Objects.equals(r.topic, topic) && r.lane == lane;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, lane);
    }

    @Override
    public String toString() {
        return "Route[topic=" + topic + ", lane=" + lane + "]";
    }
}
