package io.tributary.runtime.transport.kafka;

import io.tributary.api.MessageBus;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.kafka.clients.admin.Admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    /** Shared by this instance's publishers: streams created here are not checked again. */
    private final LaneTopicProvisioner provisioner;

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
        this.provisioner = new LaneTopicProvisioner(topics, settings.adminConfig());
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
        provisioner.markReady(streams);
    }

    /** A new publisher; the caller closes it. */
    public KafkaLanePublisher publisher() {
        return new KafkaLanePublisher(settings, provisioner, serde);
    }

    /**
     * A new (not yet started) consumer of {@code streams}' lanes that publishes on {@code bus}: each
     * record on the bus topic named like its stream, on its lane. Consumers of one app share the
     * partitions (consumer group = app).
     */
    public PriorityLaneConsumer consumer(MessageBus bus, Collection<String> streams) {
        return consumer(bus, LaneSubscription.of(streams));
    }

    /**
     * Like {@link #consumer(MessageBus, Collection)}, and it also reads every other stream of this app
     * whose name matches none of {@code exceptPatterns} (Tributary topic patterns), streams whose lane
     * topics are created after it started included: a pattern subscription, which finds a new topic
     * within the consumer's {@code metadata.max.age.ms} ({@value LaneSubscription#NEW_STREAM_DISCOVERY_MILLIS}
     * ms unless the client properties set it), then reads it from its start. For an app whose streams
     * are made as it runs (a route's destinations); the exceptions keep out what this process
     * writes itself. It is a run's read-back: records a run's bridge sent from its bus
     * ({@link KafkaHeaders#FROM_BUS}) are left out (counted, {@link PriorityLaneConsumer#busWritesLeftOut}).
     */
    public PriorityLaneConsumer consumerOfEveryStream(MessageBus bus, Collection<String> streams,
                                                      Collection<String> exceptPatterns) {
        return consumer(bus, new LaneSubscription(List.copyOf(streams), true, List.copyOf(exceptPatterns)));
    }

    private PriorityLaneConsumer consumer(MessageBus bus, LaneSubscription subscription) {
        subscription.streams().forEach(topics::lanes);   // an illegal stream name fails here, naming itself
        return new PriorityLaneConsumer(settings, topics, subscription, bus, serde, mapping,
                settings.app() + "-" + consumers.getAndIncrement());
    }
}
