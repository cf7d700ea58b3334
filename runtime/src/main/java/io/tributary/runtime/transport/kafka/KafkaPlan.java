package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/**
 * A topology mapped onto Kafka Streams by {@link KafkaTopologyTarget}: the Kafka Streams
 * {@link Topology}, the lane topics it reads and writes, and what could not be mapped.
 * {@link #start()} runs it; {@link #describe()} shows it.
 */
public final class KafkaPlan {
    /** A logical node that does not run on Kafka, and why. */
    public record Unmapped(String node, String type, String reason) {
        @Override
        public String toString() {
            return node + " (" + type + "): " + reason;
        }
    }

    /** Counter: records a processor threw on, skipped and dead-lettered ({@link ProcessingFailureHandler}). */
    public static final String PROCESSING_FAILED = "processing-failed";
    /** Counter: input records that are not valid Avro, skipped and dead-lettered ({@link UndecodableInputHandler}). */
    public static final String UNDECODABLE = "undecodable";

    private final String name;
    private final KafkaStreamsSettings settings;
    private final Topology topology;
    private final Map<String, String> sources;
    private final List<String> outputTopics;
    private final List<String> sinkStreams;
    /** Mapped route nodes: they may send records to streams no sink names. */
    private final List<String> routes;
    /** Shared with the plan's sinks, which ask it for each record's lane topic. */
    private final LaneTopicProvisioner laneTopics;
    private final List<Unmapped> unmapped;
    private final Map<String, LongAdder> counters;

    KafkaPlan(String name, KafkaStreamsSettings settings, Topology topology, Map<String, String> sources,
              List<String> sinkStreams, List<String> routes, LaneTopicProvisioner laneTopics,
              List<Unmapped> unmapped, Map<String, LongAdder> counters) {
        this.name = name;
        this.settings = settings;
        this.topology = topology;
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.sinkStreams = List.copyOf(sinkStreams);
        this.routes = List.copyOf(routes);
        LaneTopics topics = new LaneTopics(settings.app());
        this.outputTopics = sinkStreams.stream().flatMap(s -> topics.lanes(s).stream()).toList();
        this.laneTopics = laneTopics;
        this.unmapped = List.copyOf(unmapped);
        this.counters = counters;
        counters.computeIfAbsent(UNDECODABLE, k -> new LongAdder());
        counters.computeIfAbsent(PROCESSING_FAILED, k -> new LongAdder());
    }

    public String name() {
        return name;
    }

    public Topology kafkaTopology() {
        return topology;
    }

    /** Source node name → regex over the lane topics it reads. */
    public Map<String, String> sourcePatterns() {
        return sources;
    }

    /**
     * Lane topics the sinks write ({@code <app>.<topic>.<lane>}); a route may add others at run time,
     * created on their first record.
     */
    public List<String> outputTopics() {
        return outputTopics;
    }

    public List<Unmapped> unmapped() {
        return unmapped;
    }

    /**
     * {@code <node>.route-dropped}, {@code <sink>.not-sent}, {@value #UNDECODABLE} and
     * {@value #PROCESSING_FAILED} counts.
     */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The live counters behind {@link #counters()}, for metrics that read them on each scrape. */
    Map<String, LongAdder> liveCounters() {
        return Collections.unmodifiableMap(counters);
    }

    /**
     * The Kafka Streams configuration used by {@link #start()}: the settings' profile, plus
     * undecodable input records skipped and counted ({@link UndecodableInputHandler}) and records a
     * processor throws on skipped and counted ({@link ProcessingFailureHandler}), both copied to
     * {@code <app>.dlq} (Kafka Streams' {@code errors.dead.letter.queue.topic.name}). The settings
     * come last: {@code processing.exception.handler=...LogAndFailProcessingExceptionHandler} there
     * stops the application on the first failure instead.
     */
    public Properties streamsConfig() {
        Properties p = new Properties();
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableInputHandler.class.getName());
        p.put(UndecodableInputHandler.UNDECODABLE, counters.get(UNDECODABLE));
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingFailureHandler.class.getName());
        p.put(ProcessingFailureHandler.FAILURES, counters.get(PROCESSING_FAILED));
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, new LaneTopics(settings.app()).deadLetter());
        // Kafka 5.0's default, taken now: plans have no global stores, and without it every start warns
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // the partition assignor reads its own copy out of the main consumer's config
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.putAll(settings.streamsConfig());
        return p;
    }

    /**
     * Creates the sinks' lane topics and the dead-letter topic if missing, so the sinks' first records
     * need no admin call. Streams a route sends to are created on their first record
     * ({@link LaneTopicProvisioner}), as are the sinks' when this was not called.
     */
    public void createOutputTopics(int partitions) {
        List<String> all = new ArrayList<>(outputTopics);
        all.add(new LaneTopics(settings.app()).deadLetter());
        try (Admin a = Admin.create(settings.adminConfig())) {
            KafkaTopics.create(a, partitions, all);
        }
        laneTopics.markReady(sinkStreams);
    }

    /** Starts a Kafka Streams instance of this plan (several instances share the partitions). */
    public RunningKafkaPlan start() {
        KafkaStreams streams = new KafkaStreams(topology, streamsConfig());
        return new RunningKafkaPlan(name, streams);
    }

    /** Topics, what is not mapped, and Kafka Streams' own {@code TopologyDescription}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Kafka plan: ").append(name).append(" (application.id ").append(settings.app())
                .append(", processing.guarantee ").append(settings.exactlyOnce() ? "exactly_once_v2" : "at_least_once")
                .append(", profile ").append(settings.profile()).append(")\n");
        out.append("  Reads:\n");
        sources.forEach((node, regex) -> out.append("    ").append(node).append(": topics matching ").append(regex).append('\n'));
        out.append("  Writes:\n");
        for (String t : outputTopics) {
            out.append("    ").append(t).append('\n');
        }
        for (String route : routes) {
            out.append("    ").append(settings.app()).append(".<destination>.<lane> of route ").append(route)
                    .append(" (created on its first record)\n");
        }
        out.append("    ").append(new LaneTopics(settings.app()).deadLetter())
                .append(" (undecodable input, input records a processor threw on)\n");
        List<String> internal = internalTopics();
        out.append("  Internal topics (repartition, changelog):").append(internal.isEmpty() ? " none" : "").append('\n');
        for (String t : internal) {
            out.append("    ").append(t).append('\n');
        }
        out.append("  Not mapped:").append(unmapped.isEmpty() ? " none" : "").append('\n');
        for (Unmapped u : unmapped) {
            out.append("    ").append(u).append('\n');
        }
        out.append(topology.describe());
        return out.toString();
    }

    /**
     * The topics Kafka Streams creates for this plan: a changelog per state store and the repartition
     * topics ({@code <application.id>-<name>-changelog|repartition}). None while only stateless
     * operators are mapped.
     */
    public List<String> internalTopics() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (org.apache.kafka.streams.TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (org.apache.kafka.streams.TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof org.apache.kafka.streams.TopologyDescription.Processor p) {
                    p.stores().forEach(store -> out.add(settings.app() + "-" + store + "-changelog"));
                } else if (node instanceof org.apache.kafka.streams.TopologyDescription.Source s && s.topicSet() != null) {
                    s.topicSet().stream().filter(t -> t.endsWith("-repartition")).forEach(t -> out.add(settings.app() + "-" + t));
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return describe();
    }
}
