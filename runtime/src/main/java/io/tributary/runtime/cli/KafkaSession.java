package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;
import io.tributary.api.dsl.Topology;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.runtime.transport.kafka.KafkaStreamsSettings;
import io.tributary.runtime.transport.kafka.KafkaTransportRunner;
import io.tributary.runtime.transport.kafka.KafkaAccessException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --transport kafka}: the topic sources that map wholly onto Kafka Streams run there
 * ({@link KafkaTransportRunner}), with an embedded broker when no bootstrap servers are given; the
 * rest of the plan runs in-process on a bus that leaves those sources' stages out. Payloads of
 * {@code api.market} types cross as their Avro schema types ({@link PayloadMapping#MARKET}).
 */
final class KafkaSession implements TransportSession {
    /** Kafka Streams needs a rebalance before it runs; on a loaded machine that takes seconds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaTransportRunner runner;
    private final MessageBus planBus;
    private final Registration metrics;
    private final TransportProgress progress = new TransportProgress("kafka", "AWAY", "waiting");

    private KafkaSession(KafkaTransportRunner runner, MessageBus planBus, Registration metrics) {
        this.runner = runner;
        this.planBus = planBus;
        this.metrics = metrics;
    }

    /**
     * Starts the Kafka side and waits until Kafka Streams runs.
     *
     * @param bootstrap {@code --bootstrap}, or null for the configured one
     * @param metrics   where the transport's counters and read-back lag are registered; may be null
     */
    static KafkaSession start(Topology topology, PluginCatalog catalog, MessageBus bus, TransportSettings.Kafka kafka,
                              String bootstrap, TributaryMetrics metrics, PrintWriter out) throws InterruptedException {
        KafkaTransportRunner.Options options = new KafkaTransportRunner.Options(
                bootstrap != null ? bootstrap : kafka.bootstrapServers(), kafka.applicationId(), kafka.exactlyOnce(),
                kafka.profile() == TransportSettings.Kafka.Profile.THROUGHPUT
                        ? KafkaStreamsSettings.Profile.THROUGHPUT : KafkaStreamsSettings.Profile.LOW_LATENCY,
                new LinkedHashMap<>(kafka.client()), PayloadMapping.MARKET, kafka.outbox());
        if (options.embedded()) {
            out.println("starting an embedded Kafka broker for this run (pass --bootstrap HOST:PORT for a cluster)");
            out.flush();
        }
        KafkaTransportRunner runner;
        try {
            runner = KafkaTransportRunner.start(topology, catalog, bus, options);
        } catch (KafkaAccessException e) {
            throw new IllegalArgumentException(e.denied() ? e.getMessage() : e.getMessage() + System.lineSeparator()
                    + "start Kafka there, pass --bootstrap HOST:PORT (or set tributary.transport.kafka.bootstrapServers),"
                    + " or leave both unset to start an embedded broker for the run; credentials and TLS settings go"
                    + " under tributary.transport.kafka.client", e);
        }
        try {
            if (!runner.awaitRunning(START_TIMEOUT)) {
                throw new IllegalStateException("Kafka Streams application " + kafka.applicationId() + " at "
                        + runner.bootstrapServers() + " did not reach RUNNING within " + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException | RuntimeException e) {
            runner.close();
            throw e;
        }
        Set<String> skipped = new HashSet<>();
        for (String source : runner.kafkaSources()) {
            // PhysicalPlan names each stage's subscription <topology>/<stage>, a source's stage after the source
            skipped.add(topology.name() + "/" + source);
        }
        Registration registered;
        try {
            registered = metrics == null ? () -> { } : runner.registerMetrics(metrics);
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        return new KafkaSession(runner, new ResidualBus(bus, skipped), registered);
    }

    @Override
    public String description() {
        return "Kafka at " + runner.bootstrapServers() + " (on Kafka Streams: "
                + (runner.kafkaSources().isEmpty() ? "nothing" : String.join(", ", runner.kafkaSources())) + ")";
    }

    @Override
    public MessageBus planBus() {
        return planBus;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("kafka.bridged", runner.bridged());
        out.put("kafka.not-sent", runner.notAvro());
        out.put("kafka.waiting", runner.waitingForKafka());
        out.put("kafka.dropped", runner.droppedForKafka());
        out.put("kafka.refused", runner.refusedForKafka());
        out.put("kafka.not-delivered", runner.notDelivered());
        out.put("kafka.bus-writes-not-read-back", runner.busWritesNotReadBack());
        out.put("kafka.streams-threads-replaced", runner.streamsThreadsReplaced());
        runner.plan().counters().forEach((k, v) -> out.put("kafka." + k, v));
        return out;
    }

    /** {@code | kafka sent 200/s recv 200/s waiting 0} ({@code AWAY} while Kafka does not answer or take the bridge's sends). */
    @Override
    public String progress() {
        return progress.next(runner.kafkaAway(), runner.bridgedAndAcknowledged(), runner.readBack(), runner.waitingForKafka());
    }

    @Override
    public Throwable failure() {
        return runner.failure();
    }

    /** The Kafka plan's description, for {@code describe --transport kafka} and tests. */
    KafkaTransportRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        metrics.close();
        runner.close();
    }
}
