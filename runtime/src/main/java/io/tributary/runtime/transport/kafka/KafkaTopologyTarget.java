package io.tributary.runtime.transport.kafka;

import io.tributary.api.dsl.Router;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.BranchNode;
import io.tributary.api.dsl.internal.FunctionNode;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.LaneNode;
import io.tributary.api.dsl.internal.RouteNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.dsl.internal.SplitNode;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.plan.SinkTarget;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.kafka.TributaryKafkaSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Maps a topology onto a Kafka Streams application ({@link KafkaPlan}): every stream that crosses the
 * process boundary is a set of lane topics ({@link LaneTopics}), and every stateless operator becomes
 * one Kafka Streams processor (Processor API) with the same name.
 *
 * <ul>
 *   <li>{@code t.stream(pattern)} → a pattern source over the lane topics of every matching topic
 *       (records start on NORMAL, as on the bus);</li>
 *   <li>filter, map, flatMap, peek, keyBy, lane, route, split/branch, merge, forEach → processors;</li>
 *   <li>{@code to("topic")} → a sink to {@code <app>.<topic>.<lane>}, the lane (and a routed
 *       destination) taken per record; {@code to(plugin)} → a processor calling the plugin's target;</li>
 *   <li>values are Avro single-object bytes at sources and sinks ({@link TributaryKafkaSerde}),
 *       keys their UTF-8 string form.</li>
 *   <li>values are what the {@link PayloadMapping} makes of them: with {@link PayloadMapping#MARKET}
 *       processors see the plain {@code api.market} records (as on the bus) and sinks write their
 *       schema types; a value a sink cannot write as Avro is dropped and counted
 *       ({@code <sink>.not-sent} in {@link KafkaPlan#counters()}), the first one logged.</li>
 * </ul>
 *
 * <p><b>Not mapped</b> (listed in {@link KafkaPlan#unmapped()} and in {@code describe()}, the path
 * stops in front of them): venue sources (they feed the in-process bus), conflate, throttle and
 * windows (stateful: they need state stores and punctuators), routes and sinks whose plugin the
 * catalog cannot run. Nodes reachable only through an unmapped node are unmapped too.
 */
public final class KafkaTopologyTarget {
    private final KafkaStreamsSettings settings;
    private final PluginCatalog catalog;
    private final PayloadMapping mapping;

    /** Values are Avro records as they are ({@link PayloadMapping#AVRO}). */
    public KafkaTopologyTarget(KafkaStreamsSettings settings, PluginCatalog catalog) {
        this(settings, catalog, PayloadMapping.AVRO);
    }

    public KafkaTopologyTarget(KafkaStreamsSettings settings, PluginCatalog catalog, PayloadMapping mapping) {
        this.settings = settings;
        this.catalog = catalog;
        this.mapping = mapping;
    }

    /**
     * Validates the topology as the compiler does (a {@code TopologyValidationException} lists every
     * problem) and maps its stateless part.
     */
    public KafkaPlan plan(Topology topology) {
        new TopologyCompiler(catalog).compile(topology);   // same validation as the in-memory path
        LaneTopics topics = new LaneTopics(settings.app());
        LaneTopicProvisioner laneTopics = new LaneTopicProvisioner(topics, settings.adminConfig());
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology();
        Serde<SpecificRecord> values = TributaryKafkaSerde.any();
        Map<Integer, String> mapped = new HashMap<>();   // node id -> Kafka Streams node name feeding its children
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> outputs = new LinkedHashSet<>();
        List<String> routes = new ArrayList<>();
        List<KafkaPlan.Unmapped> unmapped = new ArrayList<>();
        Map<String, LongAdder> counters = new LinkedHashMap<>();

        List<GraphNode> nodes = new ArrayList<>(topology.internalGraph().nodes());
        nodes.sort((a, b) -> Integer.compare(a.id(), b.id()));   // parents are created before children
        for (GraphNode node : nodes) {
            List<String> parents = new ArrayList<>();
            for (GraphNode p : node.parents()) {
                String name = mapped.get(p.id());
                if (name != null) {
                    parents.add(name);
                }
            }
            boolean isSource = node instanceof SourceNode;
            if (!isSource && parents.isEmpty()) {
                unmapped.add(new KafkaPlan.Unmapped(node.name(), node.type().name(), "only reachable through unmapped nodes"));
                continue;
            }
            String[] parentNames = parents.toArray(String[]::new);
            String name = node.name();
            switch (node.type()) {
                case SOURCE_TOPIC -> {
                    var regex = LanePatterns.lanesOf(settings.app(), ((SourceNode) node).pattern());
                    kafka.addSource(name, KeySerde.INSTANCE.deserializer(), new MappingDeserializer(values.deserializer(), mapping), regex);
                    sources.put(name, regex.pattern());
                }
                case SOURCE_VENUE -> {
                    unmapped.add(new KafkaPlan.Unmapped(name, node.type().name(),
                            "venue sources feed the in-process bus; publish their output to a lane topic instead"));
                    continue;
                }
                case BRANCH, MERGE -> kafka.addProcessor(name, supplier(NodeProcessors.PassThrough::new), parentNames);
                case FILTER -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.Filter(fn(node))), parentNames);
                case MAP -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.MapValue(fn(node))), parentNames);
                case FLAT_MAP -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.FlatMap(fn(node))), parentNames);
                case PEEK -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.Peek(fn(node))), parentNames);
                case KEY_BY -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.KeyBy(fn(node))), parentNames);
                case FOR_EACH -> kafka.addProcessor(name, supplier(() -> new NodeProcessors.ForEach(fn(node))), parentNames);
                case LANE -> kafka.addProcessor(name,
                        supplier(() -> new NodeProcessors.Lane(((LaneNode) node).lane())), parentNames);
                case SPLIT -> {
                    SplitNode split = (SplitNode) node;
                    List<Predicate<Object>> predicates = new ArrayList<>();
                    List<String> branches = new ArrayList<>();
                    for (BranchNode b : split.branches()) {
                        predicates.add(b.predicate());
                        branches.add(b.name());
                    }
                    kafka.addProcessor(name, supplier(() -> new NodeProcessors.Split(predicates, branches)), parentNames);
                }
                case ROUTE -> {
                    RouteNode route = (RouteNode) node;
                    Optional<Router<Object>> router = route.router() != null ? Optional.of(route.router())
                            : catalog.policy(route.plugin());
                    if (router.isEmpty()) {
                        unmapped.add(new KafkaPlan.Unmapped(name, node.type().name(),
                                "the plugin catalog cannot run policy '" + route.plugin().name() + "'"));
                        continue;
                    }
                    LongAdder dropped = counters.computeIfAbsent(name + ".route-dropped", k -> new LongAdder());
                    Router<Object> r = router.get();
                    kafka.addProcessor(name, supplier(() -> new NodeProcessors.RouteStep(r, dropped)), parentNames);
                    routes.add(name);
                }
                case SINK_TOPIC -> {
                    String topic = ((SinkNode) node).topic();
                    LongAdder notSent = counters.computeIfAbsent(name + ".not-sent", k -> new LongAdder());
                    kafka.addProcessor(name, supplier(() -> new NodeProcessors.Stamp(name, topic, mapping, notSent)), parentNames);
                    kafka.addSink(name + ".kafka", new LaneTopicExtractor(topics, laneTopics, topic),
                            KeySerde.INSTANCE.serializer(), new AnySerializer(values), name);
                    outputs.add(topic);
                }
                case SINK_PLUGIN -> {
                    Optional<SinkTarget> target = catalog.sink(node.plugin());
                    if (target.isEmpty()) {
                        unmapped.add(new KafkaPlan.Unmapped(name, node.type().name(),
                                "the plugin catalog cannot run sink '" + node.plugin().name() + "'"));
                        continue;
                    }
                    SinkTarget t = target.get();
                    kafka.addProcessor(name, supplier(() -> new PluginSink(t)), parentNames);
                }
                default -> {   // CONFLATE, THROTTLE, WINDOW_AGGREGATE
                    unmapped.add(new KafkaPlan.Unmapped(name, node.type().name(),
                            "stateful operators are not mapped to Kafka Streams yet (they need state stores)"));
                    continue;
                }
            }
            mapped.put(node.id(), name);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("topology '" + topology.name()
                    + "' has no topic source that Kafka can feed: " + unmapped);
        }
        return new KafkaPlan(topology.name(), settings, kafka, sources, List.copyOf(outputs), routes, laneTopics, unmapped, counters);
    }

    private static Object fn(GraphNode node) {
        return ((FunctionNode) node).function();
    }

    private static ProcessorSupplier<Object, Object, Object, Object> supplier(
            java.util.function.Supplier<org.apache.kafka.streams.processor.api.Processor<Object, Object, Object, Object>> s) {
        return s::get;
    }

    /**
     * The lane topic of a record: its routed topic or the sink's, on its lane; a stream's first record
     * waits until its lane topics exist ({@link LaneTopicProvisioner}). Named (not a lambda) so
     * {@code describe()} prints the same text on every run.
     */
    private record LaneTopicExtractor(LaneTopics topics, LaneTopicProvisioner laneTopics, String topic)
            implements org.apache.kafka.streams.processor.TopicNameExtractor<Object, Object> {
        @Override
        public String extract(Object key, Object value, org.apache.kafka.streams.processor.RecordContext context) {
            String routed = NodeProcessors.routedTopicOf(context.headers());
            return laneTopics.topic(routed != null ? routed : topic, NodeProcessors.laneOf(context.headers()));
        }

        @Override
        public String toString() {
            return "lane of " + topics.topic(topic, io.tributary.api.Priority.NORMAL).replaceAll("\\.normal$", ".<lane>");
        }
    }

    /** Values reach sinks as Objects; {@link NodeProcessors.Stamp} has made them Avro records. */
    private record AnySerializer(Serde<SpecificRecord> serde) implements org.apache.kafka.common.serialization.Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object value) {
            return serde.serializer().serialize(topic, (SpecificRecord) value);
        }
    }

    /**
     * Decodes, then maps ({@link PayloadMapping#fromAvro}); a record the mapping refuses is a
     * deserialization error, so Kafka Streams skips it and copies it to the dead-letter topic.
     */
    private record MappingDeserializer(Deserializer<SpecificRecord> avro, PayloadMapping mapping)
            implements Deserializer<Object> {
        @Override
        public Object deserialize(String topic, byte[] data) {
            SpecificRecord record = avro.deserialize(topic, data);
            return record == null ? null : mapping.fromAvro(record);
        }
    }

    /** {@code to(plugin)}: hands the record to the plugin's target with its lane and routed topic. */
    private static final class PluginSink extends NodeProcessors.Base {
        private final SinkTarget target;

        PluginSink(SinkTarget target) {
            this.target = target;
        }

        @Override
        public void process(org.apache.kafka.streams.processor.api.Record<Object, Object> record) {
            target.accept(record.key(), record.value(), NodeProcessors.laneOf(record.headers()),
                    NodeProcessors.routedTopicOf(record.headers()));
        }
    }
}
