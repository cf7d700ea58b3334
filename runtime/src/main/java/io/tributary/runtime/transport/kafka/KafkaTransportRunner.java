package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.TopicPattern;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.graph.OperatorType;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.metrics.MetricNames;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.transport.CauseChain;
import io.tributary.runtime.transport.CloseStack;
import io.tributary.runtime.transport.OutboundAvro;
import io.tributary.runtime.transport.avro.PayloadMapping;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code run --transport kafka} starts around a bus: the topology runs as a Kafka Streams
 * application, the bus's messages on the topology's source patterns are published to their lane
 * topics, and the outputs come back onto the bus on their lanes, a route's destinations included
 * (so the run's counters and subscribers see them as with the in-memory transport). With bootstrap
 * {@value #EMBEDDED} (or none) an embedded KRaft broker is started and stopped with it.
 *
 * <p>Only <em>Kafka sources</em> go over Kafka: topic sources from which every reachable node runs on
 * Kafka Streams ({@link #kafkaSources()}). The caller runs the rest of the topology in-process and
 * leaves those sources' stages out, so nothing runs twice. Payloads pass the
 * {@link Options#payloads() mapping}: with {@link PayloadMapping#MARKET} a topology of plain
 * {@code api.market} records runs unchanged.
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

    /** The transport's segment in metric names. */
    private static final String TRANSPORT = "kafka";

    /** The bootstrap address that asks for an embedded broker (config values cannot be empty). */
    public static final String EMBEDDED = "embedded";

    /**
     * @param bootstrapServers null, blank or {@value #EMBEDDED}: start an embedded broker
     * @param app              application id, topic prefix
     * @param exactlyOnce      exactly_once_v2 instead of at_least_once
     * @param profile          client defaults of Kafka Streams and the lanes: latency or throughput
     * @param clientProperties pass-through Kafka client settings (security, tuning), applied last to
     *                         every producer, consumer, admin client and Kafka Streams
     * @param payloads         bus payloads ↔ Avro records
     * @param outbox           where bridged bus messages wait while Kafka does not take them
     */
    public record Options(String bootstrapServers, String app, boolean exactlyOnce, KafkaStreamsSettings.Profile profile,
                          Map<String, Object> clientProperties, PayloadMapping payloads, TransportSettings.Kafka.Outbox outbox) {
        public Options {
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(payloads, "payloads");
            Objects.requireNonNull(outbox, "outbox");
            clientProperties = Map.copyOf(clientProperties);
        }

        /** The default outbox. */
        public Options(String bootstrapServers, String app, boolean exactlyOnce, KafkaStreamsSettings.Profile profile,
                       Map<String, Object> clientProperties, PayloadMapping payloads) {
            this(bootstrapServers, app, exactlyOnce, profile, clientProperties, payloads,
                    TransportSettings.Kafka.Outbox.defaults());
        }

        /** Low latency, Avro payloads only. */
        public Options(String bootstrapServers, String app, boolean exactlyOnce, Map<String, Object> clientProperties) {
            this(bootstrapServers, app, exactlyOnce, KafkaStreamsSettings.Profile.LOW_LATENCY, clientProperties,
                    PayloadMapping.AVRO);
        }

        /** Whether an embedded broker is started. */
        public boolean embedded() {
            return bootstrapServers == null || bootstrapServers.isBlank() || bootstrapServers.equals(EMBEDDED);
        }
    }

    private final CloseStack resources = new CloseStack("the Kafka transport");
    private final KafkaPlan plan;
    private final String bootstrapServers;
    private final PayloadMapping payloads;
    private final OutboundAvro outbound;
    private final List<String> kafkaSources;
    private final LongAdder bridged = new LongAdder();
    private final PriorityLaneConsumer back;
    private final KafkaBridge bridge;
    private final RunningKafkaPlan running;
    private final KafkaReachability reachability;
    /** Set by {@link #close()} when Kafka is away: nothing then waits on it. */
    private volatile boolean stoppingWhileAway;
    private boolean closed;

    private KafkaTransportRunner(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        try {
            String bootstrap = options.bootstrapServers();
            this.payloads = options.payloads();
            this.outbound = new OutboundAvro(payloads, "Kafka");
            if (options.embedded()) {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                resources.push(broker);
                bootstrap = broker.bootstrapServers();
            }
            this.bootstrapServers = bootstrap;
            KafkaLaneSettings laneSettings = laneSettings(options, bootstrap);
            if (!options.embedded()) {
                KafkaClusterCheck.clusterId(laneSettings.adminConfig());
            }
            this.reachability = KafkaReachability.start(laneSettings.adminConfig());
            resources.push(reachability);
            this.plan = new KafkaTopologyTarget(streamsSettings(options, bootstrap), catalog, payloads).plan(topology);
            KafkaLanes lanes = new KafkaLanes(laneSettings,
                    io.tributary.schemas.serde.TributarySerde.get(), payloads);
            this.kafkaSources = kafkaSources(topology, plan);
            List<String> patterns = bridgedPatterns(topology, kafkaSources);
            List<String> outputs = sinkTopics(topology, kafkaSources);
            plan.createOutputTopics(1);
            // a pattern source finds a topic created later only after metadata.max.age.ms (10 s):
            // create the lanes of the in-process sinks that feed Kafka sources now
            List<String> inputs = inputTopics(topology, patterns);
            if (!inputs.isEmpty()) {
                lanes.createTopics(inputs, 1);
            }
            KafkaLanePublisher publisher = lanes.publisher();
            resources.push(publisher);   // the bridge closes it; this is for a start that fails before
            this.bridge = new KafkaBridge(publisher, bootstrap, options.outbox());
            resources.push(() -> bridge.close(kafkaWait(KafkaBridge.CLOSE_GRACE)));
            // the sinks' streams, and any other stream of the app but the ones the bridge below writes:
            // a route's destinations, created by Kafka Streams as their first records come
            back = lanes.consumerOfEveryStream(bus, outputs, patterns);
            resources.push(() -> back.close(kafkaWait(PriorityLaneConsumer.CLOSE_WAIT)));
            for (String pattern : patterns) {
                Subscription s = bus.subscribe(pattern, (Envelope<Object> m) -> bridge(m),
                        SubscribeOptions.inline().named("kafka-bridge:" + pattern));
                resources.push(s::close);
            }
            back.start();
            running = plan.start();
            resources.push(() -> running.close(kafkaWait(RunningKafkaPlan.CLOSE_WAIT)));
            LOG.info("topology {} runs on Kafka at {} as application {}", topology.name(), bootstrap, options.app());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    static KafkaStreamsSettings streamsSettings(Options options, String bootstrap) {
        return KafkaStreamsSettings.defaults(bootstrap, options.app())
                .withExactlyOnce(options.exactlyOnce()).withProfile(options.profile())
                .withKafkaProperties(options.clientProperties());
    }

    /**
     * Exactly-once output is read only once committed; the throughput profile batches the lanes too; a
     * send waits {@link KafkaBridge#SEND_BLOCK} at most for metadata or buffer space (client properties
     * may say otherwise), so that a Kafka that is away does not hold the bus up.
     */
    static KafkaLaneSettings laneSettings(Options options, String bootstrap) {
        KafkaLaneSettings lanes = KafkaLaneSettings.defaults(bootstrap, options.app())
                .withKafkaProperties(Map.of("max.block.ms", (int) KafkaBridge.SEND_BLOCK.toMillis()))
                .withKafkaProperties(options.clientProperties())
                .withKafkaProperties(options.exactlyOnce() ? Map.of("isolation.level", "read_committed") : Map.of());
        return options.profile() == KafkaStreamsSettings.Profile.THROUGHPUT ? lanes.withThroughputBatching() : lanes;
    }

    /** Starts everything; on failure, what was started is stopped again. */
    public static KafkaTransportRunner start(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        return new KafkaTransportRunner(topology, catalog, bus, options);
    }

    private void bridge(Envelope<Object> m) {
        if (PriorityLaneConsumer.FROM_KAFKA.equals(m.headers().get(PriorityLaneConsumer.ORIGIN))) {
            return;   // read back from a sink's lane topics, which a Kafka source reads already
        }
        SpecificRecord record = outbound.recordOf(m);
        if (record == null) {
            return;
        }
        bridge.send(m.topic(), m.key() == null ? null : String.valueOf(m.key()), record, m.priority());
        bridged.increment();
    }

    /**
     * Topic sources from which every reachable node is mapped: they run wholly on Kafka Streams. A
     * source with an unmapped node downstream (a window, say) stays in-process with all its nodes.
     */
    public static List<String> kafkaSources(Topology topology, KafkaPlan plan) {
        Set<String> unmapped = new HashSet<>();
        for (KafkaPlan.Unmapped u : plan.unmapped()) {
            unmapped.add(u.node());
        }
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SOURCE_TOPIC && allMapped(n, unmapped, new HashSet<>())) {
                out.add(n.name());
            }
        }
        return out;
    }

    private static boolean allMapped(GraphNode node, Set<String> unmapped, Set<Integer> seen) {
        if (!seen.add(node.id())) {
            return true;
        }
        if (unmapped.contains(node.name())) {
            return false;
        }
        for (GraphNode child : node.children()) {
            if (!allMapped(child, unmapped, seen)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The topic patterns of {@code sources}: bus messages on them are sent to Kafka, and the lane
     * consumer does not read their streams back.
     */
    public static List<String> bridgedPatterns(Topology topology, List<String> sources) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (sources.contains(n.name()) && !out.contains(((SourceNode) n).pattern())) {
                out.add(((SourceNode) n).pattern());
            }
        }
        return out;
    }

    /** The topics of the sinks downstream of the Kafka sources: they come back from Kafka. */
    private static List<String> sinkTopics(Topology topology, List<String> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (sources.contains(n.name())) {
                collectSinks(n, out, new HashSet<>());
            }
        }
        return new ArrayList<>(out);
    }

    private static void collectSinks(GraphNode node, Set<String> out, Set<Integer> seen) {
        if (!seen.add(node.id())) {
            return;
        }
        if (node.type() == OperatorType.SINK_TOPIC) {
            out.add(((SinkNode) node).topic());
        }
        for (GraphNode child : node.children()) {
            collectSinks(child, out, seen);
        }
    }

    /** Sink topics of the topology that a Kafka source reads. */
    private static List<String> inputTopics(Topology topology, List<String> patterns) {
        List<TopicPattern> parsed = patterns.stream().map(TopicPattern::parse).toList();
        Set<String> out = new LinkedHashSet<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SINK_TOPIC) {
                String topic = ((SinkNode) n).topic();
                if (parsed.stream().anyMatch(p -> p.matches(topic))) {
                    out.add(topic);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Names of the topic sources that run on Kafka Streams; the in-process plan must leave their
     * stages out (the CLI runs it on a bus that skips their subscriptions).
     */
    public List<String> kafkaSources() {
        return kafkaSources;
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

    /**
     * What stopped part of the Kafka side while it ran: the error of a Kafka Streams thread (which
     * stops the application) or of a lane consumer reading outputs back; null while all of it runs.
     * A record a processor throws on does not count: it is skipped ({@link ProcessingFailureHandler}).
     */
    public Throwable failure() {
        Throwable streams = running.failure();
        return streams != null ? streams : back.failure();
    }

    /**
     * Registers this run's Kafka figures with {@code metrics}: counters
     * {@code tributary.transport.kafka.{bridged,not-sent,dropped,refused,not-delivered,read-back,duplicates,
     * bus-writes-not-read-back,dead-lettered,streams-threads-replaced}}, the gauge {@code tributary.transport.kafka.waiting} (the
     * bridge's outbox) and
     * {@code tributary.transport.kafka.streams.<plan counter>} (undecodable, processing-failed,
     * route-dropped, not-sent per sink), the read-back lanes' lag
     * ({@code tributary.transport.kafka.read-back.<lane>.lag}, with its health check), and the health
     * check {@code transport.kafka}: healthy while Kafka Streams runs or rebalances, nothing
     * failed ({@link #failure()}), Kafka answers ({@link #kafkaAway()}) and the bridge is not holding
     * messages Kafka refused; unhealthy, its message says which of these is not so. Close the
     * returned registration before the runner.
     */
    public Registration registerMetrics(TributaryMetrics metrics) {
        return Registration.collect(done -> {
            done.add(metrics.registerTransportHealth(TRANSPORT, this::trouble));
            done.add(metrics.registerTransportCounter(TRANSPORT, "bridged", bridged::sum));
            done.add(metrics.registerTransportCounter(TRANSPORT, "not-sent", outbound::notAvro));
            done.add(metrics.registerTransportGauge(TRANSPORT, "waiting", bridge::waiting));
            done.add(metrics.registerTransportCounter(TRANSPORT, "dropped", bridge::dropped));
            done.add(metrics.registerTransportCounter(TRANSPORT, "refused", bridge::refused));
            done.add(metrics.registerTransportCounter(TRANSPORT, "not-delivered", bridge::failed));
            done.add(metrics.registerTransportCounter(TRANSPORT, "read-back", back::delivered));
            done.add(metrics.registerTransportCounter(TRANSPORT, "duplicates", back::duplicates));
            done.add(metrics.registerTransportCounter(TRANSPORT, "bus-writes-not-read-back", back::busWritesLeftOut));
            done.add(metrics.registerTransportCounter(TRANSPORT, "dead-lettered", back::deadLettered));
            done.add(metrics.registerTransportCounter(TRANSPORT, "streams-threads-replaced", running::threadsReplaced));
            plan.liveCounters().forEach((name, total) ->
                    done.add(metrics.registerTransportCounter(TRANSPORT, "streams." + name, total::sum)));
            for (Priority lane : Priority.values()) {
                done.add(metrics.registerLag(TRANSPORT, "read-back." + MetricNames.laneName(lane), () -> back.lag(lane)));
            }
        });
    }

    /** What keeps the Kafka side from working, or null. */
    private String trouble() {
        Throwable failed = failure();
        if (failed != null) {
            return "the Kafka side stopped: " + CauseChain.describe(failed);
        }
        KafkaStreams.State state = running.state();
        if (!state.isRunningOrRebalancing()) {
            return "Kafka Streams is " + state;
        }
        int replaced = running.threadsReplacedInARow();
        if (replaced > 0) {
            return "Kafka Streams replaced a stream thread that did not see its source topics (" + replaced
                    + " in a row); nothing is processed until the rebalance after it (up to session.timeout.ms)";
        }
        String away = reachability.away();
        if (away != null) {
            return away;
        }
        if (bridge.healthy()) {
            return null;
        }
        Exception refusal = bridge.lastError();
        return bridge.waiting() + " bus messages wait for Kafka at " + bootstrapServers + ", which does not take them"
                + (refusal == null ? "" : " (" + CauseChain.describe(refusal) + ")");
    }

    /**
     * True while Kafka does not answer (asked every second; away after 3 s without an answer) or does
     * not take what the bridge sends; Kafka Streams and the read-back then wait, the bridge holds the
     * bus's messages in its outbox.
     */
    public boolean kafkaAway() {
        return reachability.away() != null || !bridge.healthy();
    }

    /** Kafka Streams threads replaced after a rebalance that did not see the source topics (right after an outage). */
    public long streamsThreadsReplaced() {
        return running.threadsReplaced();
    }

    /** Messages the bridge took from the bus for Kafka. */
    public long bridged() {
        return bridged.sum();
    }

    /** Records read back from Kafka onto the bus. */
    public long readBack() {
        return back.delivered();
    }

    /** Bridged messages Kafka acknowledged. */
    public long bridgedAndAcknowledged() {
        return bridge.sent();
    }

    /** Bridged messages waiting for Kafka in the bridge's outbox (Kafka away or too slow). */
    public long waitingForKafka() {
        return bridge.waiting();
    }

    /** Bridged messages dropped: the oldest of a full DROP_OLDEST or CONFLATE outbox lane, or still waiting when the run stopped. */
    public long droppedForKafka() {
        return bridge.dropped();
    }

    /** Bridged messages a full BLOCK (after its block timeout) or REJECT outbox lane refused. */
    public long refusedForKafka() {
        return bridge.refused();
    }

    /** Bridged messages Kafka refused for good (too large, not authorised). */
    public long notDelivered() {
        return bridge.failed();
    }

    /**
     * Records the read-back left out because this run's bridge (or a peer's of the same app) sent
     * them from a bus, which delivered them already: a stream both the bus and a Kafka-side sink write.
     */
    public long busWritesNotReadBack() {
        return back.busWritesLeftOut();
    }

    /** Messages on source patterns that have no Avro form under the payload mapping, so not sent. */
    public long notAvro() {
        return outbound.notAvro();
    }

    /**
     * Stops in reverse order of start: Kafka Streams, bridges, lane consumer, publisher, broker. Each
     * waits on Kafka a few seconds at most (Kafka Streams 15 s, a commit or the outbox 5 s); while Kafka
     * is away ({@link #kafkaAway()}) none of them waits at all: before, a run stopped during an outage
     * took 95 s, most of it in Kafka's producer, whose own {@code close()} has no bound. What did not
     * reach Kafka is counted as {@code kafka.dropped} and logged.
     */
    @Override
    public synchronized void close() {   // idempotent; a second caller (an embedder's shutdown hook) waits for the first
        if (closed) {
            return;
        }
        closed = true;
        if (kafkaAway()) {
            stoppingWhileAway = true;
            LOG.warn("Kafka at {} is away: the run stops without waiting for it", bootstrapServers);
        }
        closeQuietly();
    }

    private Duration kafkaWait(Duration normally) {
        return stoppingWhileAway ? Duration.ZERO : normally;
    }

    private void closeQuietly() {
        resources.closeAll();
    }
}
