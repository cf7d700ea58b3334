package io.tributary.runtime.transport.redis;

import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.graph.OperatorType;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.plan.PhysicalPlan;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code run --transport redis} starts around a bus. The model:
 *
 * <ol>
 *   <li><b>Sending side</b>: the bus's messages on the topology's source patterns (its
 *       {@code t.stream(pattern)} sources) are written, as Avro, to their lane streams
 *       {@code <app>.<topic>.<lane>} through a batching {@link RedisLanePublisher};</li>
 *   <li><b>Receiving side</b>: a {@link RedisLaneConsumer} of the group {@code <app>} reads every
 *       registered topic matching those patterns, CRITICAL first, and publishes the records on a
 *       private plan bus, where the compiled {@link PhysicalPlan} runs in-process (its venue sources
 *       publish there directly); an entry is acknowledged once the plan bus accepted it;</li>
 *   <li>the plan's outputs (its {@code to("topic")} sinks) are republished on the caller's bus, so the
 *       run's counters and subscribers see them as with the in-memory transport; undecodable entries
 *       are dead-lettered on the caller's bus and in {@code <app>.dlq}.</li>
 * </ol>
 *
 * Several processes started with the same {@code app} share the work through the consumer group.
 * With address {@value #LOCAL} (or none) a {@link LocalRedisServer} is started and stopped with it.
 *
 * <pre>{@code
 * try (RedisTransportRunner redis = RedisTransportRunner.start(topology, catalog, bus,
 *         new RedisTransportRunner.Options("redis://127.0.0.1:6379", "desk", null))) {
 *     // feed the bus; outputs arrive on the bus
 * }
 * }</pre>
 */
public final class RedisTransportRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTransportRunner.class);

    /** The address that asks for a local redis-server started for the run. */
    public static final String LOCAL = "local";

    /**
     * @param address null, blank or {@value #LOCAL}: start a local redis-server; else
     *                {@code redis://HOST:PORT} (overrides the config's address)
     * @param app     stream prefix and consumer group
     * @param config  {@code tributary.transport.redis} from the loaded config; null: defaults
     */
    public record Options(String address, String app, TransportSettings.Redis config) {
        public Options {
            Objects.requireNonNull(app, "app");
        }
    }

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final LongAdder bridged = new LongAdder();
    private final LongAdder notAvro = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicBoolean warnedNotAvro = new AtomicBoolean();
    private final String address;
    private final PhysicalPlan plan;
    private final LocalMessageBus planBus;
    private final RedisLanePublisher publisher;
    private final RedisLaneConsumer consumer;

    private RedisTransportRunner(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        try {
            String addr = options.address();
            if (addr == null || addr.isBlank() || addr.equals(LOCAL)) {
                LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
                resources.push(server);
                addr = server.address();
            }
            this.address = addr;
            RedisSettings settings = (options.config() == null ? RedisSettings.defaults(addr, options.app())
                    : RedisSettings.fromConfig(options.config(), options.app())).withAddress(addr);
            this.plan = new TopologyCompiler(catalog).compile(topology);
            RedisLanes lanes = new RedisLanes(settings);
            this.planBus = new LocalMessageBus(bus instanceof LocalMessageBus local ? local.config() : BusConfig.defaults());
            resources.push(() -> planBus.shutdown(Duration.ofSeconds(5)));
            this.publisher = lanes.publisher();
            resources.push(publisher);
            for (String topic : sinkTopics(topology)) {
                Subscription s = planBus.subscribe(topic, (Envelope<Object> m) ->
                                bus.publish(m.topic(), m.key(), m.payload(), m.priority(), m.headers()),
                        SubscribeOptions.inline().named("redis-output:" + topic));
                resources.push(s::close);
            }
            List<String> patterns = sourcePatterns(topology);
            if (patterns.isEmpty()) {
                this.consumer = null;
            } else {
                this.consumer = lanes.consumer(patterns, true, (t, k, r, lane, id) -> {
                    if (planBus.publish(t, k, r, lane, Headers.EMPTY)) {
                        return true;
                    }
                    refused.increment();
                    return false;
                }, bus);
                resources.push(consumer);
                for (String pattern : patterns) {
                    Subscription s = bus.subscribe(pattern, (Envelope<Object> m) -> bridge(m),
                            SubscribeOptions.inline().named("redis-bridge:" + pattern));
                    resources.push(s::close);
                }
                consumer.start();
            }
            plan.start(planBus);
            resources.push(plan::stop);
            LOG.info("topology {} runs on Redis at {} as application {}", topology.name(), addr, options.app());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Starts everything; on failure, what was started is stopped again. */
    public static RedisTransportRunner start(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        return new RedisTransportRunner(topology, catalog, bus, options);
    }

    private void bridge(Envelope<Object> m) {
        if (!(m.payload() instanceof SpecificRecord record)) {
            notAvro.increment();
            if (warnedNotAvro.compareAndSet(false, true)) {
                LOG.warn("{} on {} is not an Avro record and cannot be sent to Redis (counted, not sent; "
                        + "only the first is logged)", m.payload() == null ? "null" : m.payload().getClass().getName(), m.topic());
            }
            return;
        }
        if (publisher.publish(m.topic(), m.key() == null ? null : String.valueOf(m.key()), record, m.priority())) {
            bridged.increment();
        }
    }

    static List<String> sourcePatterns(Topology topology) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SOURCE_TOPIC && !out.contains(((SourceNode) n).pattern())) {
                out.add(((SourceNode) n).pattern());
            }
        }
        return out;
    }

    static List<String> sinkTopics(Topology topology) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SINK_TOPIC && !out.contains(((SinkNode) n).topic())) {
                out.add(((SinkNode) n).topic());
            }
        }
        return out;
    }

    /** Healthy while both the publisher and the consumer reach Redis. */
    public boolean connected() {
        return publisher.connected() && (consumer == null || consumer.connected());
    }

    /** Registers the health check {@code transport.redis} (see {@link TributaryMetrics#registerTransport}). */
    public Registration registerHealth(TributaryMetrics metrics) {
        return metrics.registerTransport("redis", this::connected);
    }

    /** Waits until the consumer group exists on the streams known at start. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return consumer == null || consumer.awaitReady(timeout);
    }

    public String address() {
        return address;
    }

    public PhysicalPlan plan() {
        return plan;
    }

    public RedisLanePublisher publisher() {
        return publisher;
    }

    /** The receiving side's consumer; null if the topology has no topic source. */
    public RedisLaneConsumer consumer() {
        return consumer;
    }

    /** Messages sent from the bus to Redis. */
    public long bridged() {
        return bridged.sum();
    }

    /** Messages on source patterns that were not Avro records, so not sent. */
    public long notAvro() {
        return notAvro.sum();
    }

    /** Entries the plan bus refused (left pending, retried after the claim idle time). */
    public long refused() {
        return refused.sum();
    }

    /** Stops in reverse order of start: plan, bridges, consumer, outputs, publisher (flushing), plan bus, server. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing the Redis transport: {}", e.toString());
            }
        }
    }
}
