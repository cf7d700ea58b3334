package io.tributary.runtime.transport.kafka;

import io.tributary.api.MessageBus;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.kafka.clients.admin.Admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lane transport of one application: every lane of a stream is its own Kafka topic
 * ({@link LaneTopics}), publishers write Avro single-object bytes with a message id, and
 * {@link PriorityLaneConsumer}s feed a {@link MessageBus} CRITICAL first, holding lower lanes back
 * while higher lanes have lag.
 *
 * <pre>{@code
 * KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(broker.bootstrapServers(), "desk"));
 * lanes.createTopics(List.of("orders.new"), 4);
 * try (var consumer = lanes.consumer(bus, List.of("orders.new")).start();
 *      var publisher = lanes.publisher()) {
 *     publisher.publish("orders.new", "acct-1", order, Priority.CRITICAL);
 * }
 * }</pre>
 */
public final class KafkaLanes {
    private final KafkaLaneSettings settings;
    private final LaneTopics topics;
    private final TributarySerde serde;
    private final PayloadMapping mapping;
    private final AtomicInteger consumers = new AtomicInteger();
    /** Streams whose lane topics exist and are served: created here, or by a publisher's first message. */
    private final Set<String> readyStreams = ConcurrentHashMap.newKeySet();

    public KafkaLanes(KafkaLaneSettings settings) {
        this(settings, TributarySerde.get());
    }

    public KafkaLanes(KafkaLaneSettings settings, TributarySerde serde) {
        this(settings, serde, PayloadMapping.AVRO);
    }

    /** @param mapping what consumers hand the bus for a decoded record, e.g. {@link PayloadMapping#MARKET} */
    public KafkaLanes(KafkaLaneSettings settings, TributarySerde serde, PayloadMapping mapping) {
        this.settings = settings;
        this.mapping = mapping;
        this.topics = new LaneTopics(settings.app());
        this.serde = serde;
    }

    public LaneTopics topics() {
        return topics;
    }

    public KafkaLaneSettings settings() {
        return settings;
    }

    /**
     * Creates the four lane topics of each stream and the dead-letter topic, if missing, and waits until
     * their leaders serve them; this instance's publishers then send to them without checking again.
     */
    public void createTopics(Collection<String> streams, int partitions) {
        List<String> all = new ArrayList<>();
        for (String s : streams) {
            all.addAll(topics.lanes(s));
        }
        all.add(topics.deadLetter());
        try (Admin admin = Admin.create(settings.adminConfig())) {
            KafkaTopics.create(admin, partitions, all);
        }
        readyStreams.addAll(streams);
    }

    /** A new publisher; the caller closes it. */
    public KafkaLanePublisher publisher() {
        return new KafkaLanePublisher(settings, topics, serde, readyStreams);
    }

    /**
     * A new (not yet started) consumer of {@code streams}' lanes that publishes on {@code bus}: each
     * record on the bus topic named like its stream, on its lane. Consumers of one app share the
     * partitions (consumer group = app).
     */
    public PriorityLaneConsumer consumer(MessageBus bus, Collection<String> streams) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("a lane consumer needs at least one stream");
        }
        return new PriorityLaneConsumer(settings, topics, streams, bus, serde, mapping,
                settings.app() + "-" + consumers.getAndIncrement());
    }
}
