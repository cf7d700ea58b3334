package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.MessageBus;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.graph.OperatorType;
import io.tributary.runtime.compile.PluginCatalog;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code run --transport kafka} starts around a bus: the topology runs as a Kafka Streams
 * application, the bus's messages on the topology's source patterns are published to their lane
 * topics, and the outputs come back onto the bus on their lanes (so the run's counters and
 * subscribers see them as with the in-memory transport). With bootstrap {@value #EMBEDDED} (or none)
 * an embedded KRaft broker is started and stopped with it.
 *
 * <pre>{@code
 * try (KafkaTransportRunner kafka = KafkaTransportRunner.start(topology, catalog, bus,
 *         new KafkaTransportRunner.Options(null, "tributary", false, Map.of()))) {
 *     // feed the bus; outputs arrive on the bus
 * }
 * }</pre>
 */
public final class KafkaTransportRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTransportRunner.class);

    /**
     * @param bootstrapServers null, blank or {@value #EMBEDDED}: start an embedded broker
     * @param app              application id, topic prefix
     * @param exactlyOnce      exactly_once_v2 instead of at_least_once
     * @param clientProperties pass-through Kafka client settings (security, tuning)
     */
    /** The bootstrap address that asks for an embedded broker (config values cannot be empty). */
    public static final String EMBEDDED = "embedded";

    public record Options(String bootstrapServers, String app, boolean exactlyOnce, Map<String, Object> clientProperties) {
        public Options {
            Objects.requireNonNull(app, "app");
            clientProperties = Map.copyOf(clientProperties);
        }
    }

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final KafkaPlan plan;
    private final String bootstrapServers;
    private final LongAdder bridged = new LongAdder();
    private final LongAdder notAvro = new LongAdder();
    private final AtomicBoolean warnedNotAvro = new AtomicBoolean();
    private RunningKafkaPlan running;

    private KafkaTransportRunner(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        try {
            String bootstrap = options.bootstrapServers();
            if (bootstrap == null || bootstrap.isBlank() || bootstrap.equals(EMBEDDED)) {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                resources.push(broker);
                bootstrap = broker.bootstrapServers();
            }
            this.bootstrapServers = bootstrap;
            KafkaStreamsSettings streams = KafkaStreamsSettings.defaults(bootstrap, options.app())
                    .withExactlyOnce(options.exactlyOnce()).withKafkaProperties(options.clientProperties());
            this.plan = new KafkaTopologyTarget(streams, catalog).plan(topology);
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(bootstrap, options.app())
                    .withKafkaProperties(options.clientProperties())
                    .withKafkaProperties(options.exactlyOnce() ? Map.of("isolation.level", "read_committed") : Map.of()));
            List<String> outputs = sinkTopics(topology);
            plan.createOutputTopics(1);
            KafkaLanePublisher publisher = lanes.publisher();
            resources.push(publisher);
            PriorityLaneConsumer back = lanes.consumer(bus, outputs);
            resources.push(back);
            for (String pattern : sourcePatterns(topology)) {
                Subscription s = bus.subscribe(pattern, (Envelope<Object> m) -> bridge(publisher, m),
                        SubscribeOptions.inline().named("kafka-bridge:" + pattern));
                resources.push(s::close);
            }
            back.start();
            running = plan.start();
            resources.push(running);
            LOG.info("topology {} runs on Kafka at {} as application {}", topology.name(), bootstrap, options.app());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Starts everything; on failure, what was started is stopped again. */
    public static KafkaTransportRunner start(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        return new KafkaTransportRunner(topology, catalog, bus, options);
    }

    private void bridge(KafkaLanePublisher publisher, Envelope<Object> m) {
        if (!(m.payload() instanceof SpecificRecord record)) {
            notAvro.increment();
            if (warnedNotAvro.compareAndSet(false, true)) {
                LOG.warn("{} on {} is not an Avro record and cannot be sent to Kafka (counted, not sent; "
                        + "only the first is logged)", m.payload() == null ? "null" : m.payload().getClass().getName(), m.topic());
            }
            return;
        }
        publisher.publish(m.topic(), m.key() == null ? null : String.valueOf(m.key()), record, m.priority());
        bridged.increment();
    }

    private static List<String> sourcePatterns(Topology topology) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SOURCE_TOPIC) {
                out.add(((SourceNode) n).pattern());
            }
        }
        return out;
    }

    private static List<String> sinkTopics(Topology topology) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SINK_TOPIC && !out.contains(((SinkNode) n).topic())) {
                out.add(((SinkNode) n).topic());
            }
        }
        return out;
    }

    public KafkaPlan plan() {
        return plan;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Waits until Kafka Streams is RUNNING. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.awaitRunning(timeout);
    }

    /** Messages sent from the bus to Kafka. */
    public long bridged() {
        return bridged.sum();
    }

    /** Messages on source patterns that were not Avro records, so not sent. */
    public long notAvro() {
        return notAvro.sum();
    }

    /** Stops in reverse order of start: Kafka Streams, bridges, lane consumer, publisher, broker. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing the Kafka transport: {}", e.toString());
            }
        }
    }
}
