package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lane topics of streams first written at run time (a bus topic matching a Kafka source, a
 * route's destination): on a stream's first record its four lane topics are created if missing and
 * waited for ({@link KafkaTopics#create}) before anything is sent to them, then their names are
 * cached, so later records cost one map lookup. Without this the broker would create a lane topic
 * on its first record, and records sent in the next moments can be lost (KAFKA-15591). A refused
 * creation (no CREATE permission: operators provision the topics) is logged and sending goes on.
 * Thread-safe; the first record of a new stream blocks its sender while the topics are made.
 */
final class LaneTopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(LaneTopicProvisioner.class);

    private final LaneTopics topics;
    private final Map<String, Object> adminConfig;
    /** Streams whose lane topics exist and are served: no admin call on their first record. */
    private final Set<String> readyStreams = ConcurrentHashMap.newKeySet();
    /** stream -> its lane topics by lane ordinal: names are built and checked once, not per record. */
    private final ConcurrentHashMap<String, String[]> laneTopics = new ConcurrentHashMap<>();

    LaneTopicProvisioner(LaneTopics topics, Map<String, Object> adminConfig) {
        this.topics = topics;
        this.adminConfig = Map.copyOf(adminConfig);
    }

    /** Streams created elsewhere and known to be served. */
    void markReady(Collection<String> streams) {
        readyStreams.addAll(streams);
    }

    /** The lane topic of {@code stream} on {@code lane} if the stream was used before, else null (no admin call). */
    String knownTopic(String stream, Priority lane) {
        String[] byLane = laneTopics.get(stream);
        return byLane == null ? null : byLane[lane.ordinal()];
    }

    /** The lane topic of {@code stream} on {@code lane}; on the stream's first record, made first. */
    String topic(String stream, Priority lane) {
        String[] byLane = laneTopics.get(stream);
        if (byLane == null) {
            byLane = firstUse(stream);
        }
        return byLane[lane.ordinal()];
    }

    private synchronized String[] firstUse(String stream) {
        String[] known = laneTopics.get(stream);
        if (known != null) {
            return known;
        }
        List<String> lanes = topics.lanes(stream);
        if (!readyStreams.contains(stream)) {
            // an Admin per new stream: new streams are rare, and nothing is left open to close
            try (Admin admin = Admin.create(adminConfig)) {
                KafkaTopics.create(admin, Optional.empty(), lanes);
                readyStreams.add(stream);
                LOG.info("created the lane topics of stream '{}' on its first record: {}", stream, lanes);
            } catch (RuntimeException e) {
                LOG.warn("lane topics of stream '{}' could not be created or checked ({}); sending to them anyway"
                        + " (docs/kafka.md, Topics)", stream, e.getMessage());
            }
        }
        String[] byLane = lanes.toArray(String[]::new);
        laneTopics.put(stream, byLane);
        return byLane;
    }
}
