package io.tributary.runtime.cli;

import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import io.tributary.api.dsl.Topology;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.NodeKind;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.TopologyDescription;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.runtime.transport.kafka.KafkaPlan;
import io.tributary.runtime.transport.kafka.KafkaStreamsSettings;
import io.tributary.runtime.transport.kafka.KafkaTopologyTarget;
import io.tributary.runtime.transport.kafka.KafkaTransportRunner;
import io.tributary.runtime.transport.kafka.LaneTopics;
import io.tributary.runtime.transport.redis.RedisSettings;
import io.tributary.runtime.transport.redis.RedisStreamNames;
import io.tributary.runtime.viz.TransportBoundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code viz --transport kafka|redis} draws at the process boundary, taken from the same plans
 * {@code run --transport} uses: the Kafka plan (which sources Kafka Streams runs, their lane topics)
 * or the Redis stream names of the topology's stream sources. Planning connects to nothing.
 */
final class TransportBoundaries {
    private static final String LANES = "{" + String.join(",",
            java.util.Arrays.stream(Priority.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList()) + "}";

    private TransportBoundaries() {
    }

    static TransportBoundary kafka(Topology topology, PluginCatalog catalog, TransportSettings.Kafka kafka) {
        KafkaStreamsSettings settings = KafkaStreamsSettings.defaults(kafka.bootstrapServers(), kafka.applicationId());
        KafkaPlan plan = new KafkaTopologyTarget(settings, catalog, PayloadMapping.MARKET).plan(topology);
        Set<String> onKafka = new HashSet<>(KafkaTransportRunner.kafkaSources(topology, plan));
        Set<String> unmapped = new HashSet<>();
        plan.unmapped().forEach(u -> unmapped.add(u.node()));
        LaneTopics names = new LaneTopics(kafka.applicationId());
        TopologyDescription description = topology.describe();

        List<String> kafkaPatterns = new ArrayList<>();
        Set<Integer> kafkaGroups = new HashSet<>();
        for (NodeDescription node : description.nodes()) {
            if (onKafka.contains(node.name())) {
                kafkaPatterns.addAll(node.topics());
                kafkaGroups.add(node.subTopology());
            }
        }
        Map<String, String> physical = new LinkedHashMap<>();
        for (NodeDescription node : description.nodes()) {
            boolean runsOnKafka = kafkaGroups.contains(node.subTopology()) && !unmapped.contains(node.name());
            for (String topic : node.topics()) {
                boolean crosses = node.kind() == NodeKind.SOURCE ? kafkaPatterns.contains(topic)
                        : runsOnKafka || matchesAny(kafkaPatterns, topic);
                if (crosses) {
                    physical.put(topic, lanes(names.app() + "." + topic));
                }
            }
        }
        String note = "Kafka Streams (application.id " + kafka.applicationId() + ")";
        return new TransportBoundary("kafka", physical, groupNotes(description, kafkaGroups::contains, note));
    }

    /** The topology's stream sources are fed from Redis streams; everything runs in-process around them. */
    static TransportBoundary redis(Topology topology, TransportSettings.Redis redis) {
        String app = redis.app();
        RedisStreamNames names = new RedisStreamNames(app, RedisSettings.StreamMode.valueOf(redis.streamMode().name()));
        TopologyDescription description = topology.describe();
        List<String> patterns = new ArrayList<>();
        Set<Integer> fed = new HashSet<>();
        for (NodeDescription node : description.nodes()) {
            if (node.type() == OperatorType.SOURCE_TOPIC) {
                patterns.addAll(node.topics());
                fed.add(node.subTopology());
            }
        }
        Map<String, String> physical = new LinkedHashMap<>();
        for (NodeDescription node : description.nodes()) {
            for (String topic : node.topics()) {
                if (node.kind() == NodeKind.SOURCE ? patterns.contains(topic) : matchesAny(patterns, topic)) {
                    physical.put(topic, names.mode() == RedisSettings.StreamMode.LANE
                            ? lanes(app + "." + topic) : app + "." + topic);
                }
            }
        }
        return new TransportBoundary("redis", physical,
                groupNotes(description, fed::contains, "in-process, fed by Redis consumer group " + app));
    }

    private static Map<Integer, String> groupNotes(TopologyDescription description,
                                                   java.util.function.IntPredicate onTransport, String note) {
        Map<Integer, String> notes = new LinkedHashMap<>();
        description.subTopologies().forEach(s -> notes.put(s.id(), onTransport.test(s.id()) ? note : "in-process"));
        return notes;
    }

    private static String lanes(String prefix) {
        return prefix + "." + LANES;
    }

    private static boolean matchesAny(List<String> patterns, String topic) {
        Function<String, Boolean> matches = p -> {
            try {
                return TopicPattern.parse(p).matches(topic);
            } catch (IllegalArgumentException invalid) {
                return false; // validation reports bad patterns before anything is drawn
            }
        };
        return patterns.stream().anyMatch(matches::apply);
    }
}
