package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kafka topic names of one application: each lane of a stream is its own topic
 * {@code <app>.<stream>.<lane>} (lane in lower case), so a consumer can hold a lane back by pausing
 * its partitions; undecodable records go to {@code <app>.dlq}.
 */
public final class LaneTopics {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_TOPIC_LENGTH = 249;
    private static final String[] LANE_SUFFIX = new String[Priority.COUNT];

    static {
        for (Priority p : Priority.values()) {
            LANE_SUFFIX[p.ordinal()] = "." + p.name().toLowerCase(Locale.ROOT);
        }
    }

    private final String app;

    /** @throws IllegalArgumentException if {@code app} cannot be part of a Kafka topic name */
    public LaneTopics(String app) {
        this.app = checkName("application id", app);
    }

    public String app() {
        return app;
    }

    /** {@code <app>.<stream>.<lane>}. */
    public String topic(String stream, Priority lane) {
        String t = app + "." + checkName("stream", stream) + LANE_SUFFIX[lane.ordinal()];
        if (t.length() > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("Kafka topic '" + t + "' for stream '" + stream
                    + "' is longer than " + MAX_TOPIC_LENGTH + " characters");
        }
        return t;
    }

    /** The four lane topics of {@code stream}, CRITICAL first. */
    public List<String> lanes(String stream) {
        List<String> out = new ArrayList<>(Priority.COUNT);
        for (Priority p : Priority.values()) {
            out.add(topic(stream, p));
        }
        return out;
    }

    /** Consumer group of one lane's consumers: {@code <app>.<lane>}. */
    public String groupId(Priority lane) {
        return app + LANE_SUFFIX[lane.ordinal()];
    }

    /** The dead-letter topic {@code <app>.dlq}. */
    public String deadLetter() {
        return app + ".dlq";
    }

    /** The lane of a topic made by {@link #topic}, or null if it is not a lane topic of this app. */
    public Priority laneOf(String kafkaTopic) {
        if (!kafkaTopic.startsWith(app + ".")) {
            return null;
        }
        for (Priority p : Priority.values()) {
            if (kafkaTopic.endsWith(LANE_SUFFIX[p.ordinal()])) {
                return p;
            }
        }
        return null;
    }

    /** The stream of a topic made by {@link #topic}, or null if it is not a lane topic of this app. */
    public String streamOf(String kafkaTopic) {
        Priority p = laneOf(kafkaTopic);
        if (p == null) {
            return null;
        }
        return kafkaTopic.substring(app.length() + 1, kafkaTopic.length() - LANE_SUFFIX[p.ordinal()].length());
    }

    private static String checkName(String what, String name) {
        if (name == null || name.isEmpty() || !LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + name
                    + "' for a Kafka topic name: use only letters, digits, '.', '_' and '-'");
        }
        return name;
    }
}
