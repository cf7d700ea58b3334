package io.tributary.runtime.transport.redis;

import io.tributary.api.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redis key names of one application. With {@link RedisSettings.StreamMode#LANE} each lane of a bus
 * topic is its own stream {@code <app>.<topic>.<lane>} (as the Kafka transport's lane topics); with
 * {@link RedisSettings.StreamMode#TOPIC} a topic is one stream {@code <app>.<topic>}. The consumer group
 * is {@code <app>}, undecodable entries go to {@code <app>.dlq}, and the set {@code <app>.streams}
 * lists the bus topics written so far (consumers discover streams there).
 */
public final class RedisStreamNames {
    private static final String[] LANE_SUFFIX = new String[Priority.COUNT];
    private static final Priority[] LANES = Priority.values();

    static {
        for (Priority p : LANES) {
            LANE_SUFFIX[p.ordinal()] = "." + p.name().toLowerCase(Locale.ROOT);
        }
    }

    private final String app;
    private final RedisSettings.StreamMode mode;

    public RedisStreamNames(String app, RedisSettings.StreamMode mode) {
        if (app == null || app.isBlank() || app.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid application name '" + app + "' for Redis stream names: "
                    + "non-empty, no whitespace");
        }
        this.app = app;
        this.mode = mode;
    }

    public String app() {
        return app;
    }

    public RedisSettings.StreamMode mode() {
        return mode;
    }

    /** The stream that carries {@code topic}'s messages on {@code lane}. */
    public String stream(String topic, Priority lane) {
        return mode == RedisSettings.StreamMode.LANE ? app + "." + topic + LANE_SUFFIX[lane.ordinal()] : app + "." + topic;
    }

    /** The streams of {@code topic}: CRITICAL first in lane mode, one in topic mode. */
    public List<String> streams(String topic) {
        if (mode == RedisSettings.StreamMode.TOPIC) {
            return List.of(app + "." + topic);
        }
        List<String> out = new ArrayList<>(Priority.COUNT);
        for (Priority p : LANES) {
            out.add(stream(topic, p));
        }
        return out;
    }

    /** The lane a stream is read as: its own in lane mode; NORMAL in topic mode (the entry carries the lane). */
    public Priority readLane(String stream) {
        if (mode == RedisSettings.StreamMode.LANE) {
            for (Priority p : LANES) {
                if (stream.endsWith(LANE_SUFFIX[p.ordinal()])) {
                    return p;
                }
            }
        }
        return Priority.NORMAL;
    }

    /** The bus topic of a stream made by {@link #stream}, or null if it is not one of this app's. */
    public String topicOf(String stream) {
        if (!stream.startsWith(app + ".")) {
            return null;
        }
        String rest = stream.substring(app.length() + 1);
        if (mode == RedisSettings.StreamMode.LANE) {
            for (Priority p : LANES) {
                if (rest.endsWith(LANE_SUFFIX[p.ordinal()])) {
                    return rest.substring(0, rest.length() - LANE_SUFFIX[p.ordinal()].length());
                }
            }
            return null;
        }
        return rest;
    }

    public String group() {
        return app;
    }

    public String deadLetter() {
        return app + ".dlq";
    }

    public String registry() {
        return app + ".streams";
    }

    static String laneName(Priority p) {
        return LANE_SUFFIX[p.ordinal()].substring(1);
    }
}
