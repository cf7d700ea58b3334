package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which streams a {@link PriorityLaneConsumer} reads: a fixed list, or (with {@code newStreams}) also
 * every other stream of the application, those created later included, whose name matches none of
 * {@code excluded} (Tributary topic patterns). With {@code newStreams} it is a run's read-back, which
 * leaves out records marked {@link KafkaHeaders#FROM_BUS}: a bus delivered them already.
 */
record LaneSubscription(List<String> streams, boolean newStreams, List<String> excluded) {
    /**
     * How soon a pattern subscription sees a topic created after it started, unless the client
     * properties say otherwise: it is how late the first record of a new stream may come.
     */
    static final int NEW_STREAM_DISCOVERY_MILLIS = 5_000;

    LaneSubscription {
        streams = List.copyOf(streams);
        excluded = List.copyOf(excluded);
        excluded.forEach(TopicPattern::parse);   // a bad pattern fails here, naming itself
        if (!newStreams && streams.isEmpty()) {
            throw new IllegalArgumentException("a lane consumer needs at least one stream");
        }
    }

    /** Whether records a run's bridge sent from its bus are left out. */
    boolean leavesOutBusWrites() {
        return newStreams;
    }

    static LaneSubscription of(Collection<String> streams) {
        return new LaneSubscription(List.copyOf(streams), false, List.of());
    }

    /** The consumer config of one lane: a pattern subscription refreshes its metadata sooner. */
    Map<String, Object> consumerConfig(Map<String, Object> config) {
        if (!newStreams || config.containsKey("metadata.max.age.ms")) {
            return config;
        }
        Map<String, Object> c = new HashMap<>(config);
        c.put("metadata.max.age.ms", NEW_STREAM_DISCOVERY_MILLIS);
        return c;
    }

    void subscribe(KafkaConsumer<?, ?> consumer, LaneTopics topics, Priority lane, ConsumerRebalanceListener listener) {
        if (newStreams) {
            consumer.subscribe(LanePatterns.everyStreamBut(topics.app(), lane, streams, excluded), listener);
            return;
        }
        List<String> names = new ArrayList<>(streams.size());
        for (String s : streams) {
            names.add(topics.topic(s, lane));
        }
        consumer.subscribe(names, listener);
    }
}
