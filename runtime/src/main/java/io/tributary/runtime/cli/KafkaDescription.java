package io.tributary.runtime.cli;

import io.tributary.api.dsl.Topology;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.runtime.transport.kafka.KafkaPlan;
import io.tributary.runtime.transport.kafka.KafkaStreamsSettings;
import io.tributary.runtime.transport.kafka.KafkaTopologyTarget;
import io.tributary.runtime.transport.kafka.KafkaTransportRunner;

import java.util.List;

/**
 * What {@code describe --transport kafka} adds: which sources {@code run --transport kafka} puts on
 * Kafka Streams, then the Kafka plan (lane topics read and written, internal topics, what is not
 * mapped, Kafka Streams' own {@code TopologyDescription}). Planning connects to no broker.
 */
final class KafkaDescription {
    private KafkaDescription() {
    }

    static String of(Topology topology, PluginCatalog catalog, TransportSettings.Kafka kafka) {
        KafkaStreamsSettings settings = KafkaStreamsSettings.defaults(kafka.bootstrapServers(), kafka.applicationId())
                .withExactlyOnce(kafka.exactlyOnce())
                .withProfile(kafka.profile() == TransportSettings.Kafka.Profile.THROUGHPUT
                        ? KafkaStreamsSettings.Profile.THROUGHPUT : KafkaStreamsSettings.Profile.LOW_LATENCY);
        KafkaPlan plan = new KafkaTopologyTarget(settings, catalog, PayloadMapping.MARKET).plan(topology);
        List<String> sources = KafkaTransportRunner.kafkaSources(topology, plan);
        String nl = System.lineSeparator();
        if (sources.isEmpty()) {
            return "On Kafka Streams with run --transport kafka: nothing (every topic source reaches a node Kafka cannot run)"
                    + nl + plan.describe();
        }
        return "On Kafka Streams with run --transport kafka: " + String.join(", ", sources) + nl
                + "  bus -> Kafka: bus topics matching " + String.join(", ", KafkaTransportRunner.bridgedPatterns(topology, sources)) + nl
                + "  Kafka -> bus: every other stream of " + kafka.applicationId()
                + " (the sinks' and, as they appear, a route's destinations)" + nl
                + plan.describe();
    }
}
