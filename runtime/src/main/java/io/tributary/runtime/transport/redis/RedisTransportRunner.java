package io.tributary.runtime.transport.redis;

import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.internal.GraphNode;
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
import io.tributary.runtime.transport.CloseStack;
import io.tributary.runtime.transport.OutboundAvro;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 *       private inbound bus; an entry is acknowledged once that bus accepted it;</li>
 *   <li>the plan runs on {@link #planBus()}: the stages of the topic sources subscribe on the inbound
 *       bus (so they see each message once, after it crossed Redis), everything else, publishes
 *       included, is the caller's bus. Undecodable or unmappable entries are dead-lettered on the
 *       caller's bus and in {@code <app>.dlq}.</li>
 * </ol>
 *
 * Several processes started with the same {@code app} share the work through the consumer group.
 * With address {@value #LOCAL} (or none) a {@link LocalRedisServer} is started and stopped with it.
 * {@link #start} compiles and runs the plan itself; {@link #attach} leaves that to the caller
 * ({@code run} compiles the plan once, with its metrics, and starts it on {@link #planBus()}).
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
    /** The transport's segment in metric and health-check names. */
    private static final String TRANSPORT = "redis";

    /** The address that asks for a local redis-server started for the run. */
    public static final String LOCAL = "local";

    /**
     * @param address  null, blank or {@value #LOCAL}: start a local redis-server; else
     *                 {@code redis://HOST:PORT} (overrides the config's address)
     * @param app      stream prefix and consumer group
     * @param config   {@code tributary.transport.redis} from the loaded config; null: defaults
     * @param payloads bus payloads ↔ Avro records ({@link PayloadMapping#MARKET}: plain
     *                 {@code api.market} records cross as their schema types)
     */
    public record Options(String address, String app, TransportSettings.Redis config, PayloadMapping payloads) {
        public Options {
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(payloads, "payloads");
        }

        /** Avro payloads only. */
        public Options(String address, String app, TransportSettings.Redis config) {
            this(address, app, config, PayloadMapping.AVRO);
        }

        /** Whether a local redis-server is started. */
        public boolean local() {
            return address == null || address.isBlank() || address.equals(LOCAL);
        }
    }

    private final CloseStack resources = new CloseStack("the Redis transport");
    private final LongAdder bridged = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final String address;
    private final PayloadMapping payloads;
    private final OutboundAvro outbound;
    private final List<String> redisSources;
    private final LocalMessageBus inbound;
    private final RedisPlanBus planBus;
    private final RedisLanePublisher publisher;
    private final RedisLaneConsumer consumer;
    private PhysicalPlan plan;

    private RedisTransportRunner(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        try {
            String addr = options.address();
            if (options.local()) {
                LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
                resources.push(server);
                addr = server.address();
            }
            this.address = addr;
            this.payloads = options.payloads();
            this.outbound = new OutboundAvro(payloads, "Redis");
            RedisSettings settings = (options.config() == null ? RedisSettings.defaults(addr, options.app())
                    : RedisSettings.fromConfig(options.config(), options.app())).withAddress(addr);
            RedisLanes lanes = new RedisLanes(settings, TributarySerde.get(), payloads);
            this.inbound = new LocalMessageBus(bus instanceof LocalMessageBus local ? local.config() : BusConfig.defaults());
            resources.push(() -> inbound.shutdown(Duration.ofSeconds(5)));
            // a stage fed from Redis that fails dead-letters on the inbound bus: the run's listeners are on the caller's
            Subscription dead = inbound.subscribe(inbound.deadLetterTopic(), (Envelope<Object> m) ->
                            bus.publish(bus.deadLetterTopic(), m.key(), m.payload(), m.priority(), m.headers()),
                    SubscribeOptions.inline().named("redis-dead-letters"));
            resources.push(dead::close);
            this.redisSources = topicSources(topology);
            Set<String> stages = new HashSet<>();
            for (String source : redisSources) {
                // PhysicalPlan names each stage's subscription <topology>/<stage>, a source's stage after the source
                stages.add(topology.name() + "/" + source);
            }
            this.planBus = new RedisPlanBus(bus, inbound, stages);
            this.publisher = lanes.publisher();
            resources.push(publisher);
            List<String> patterns = sourcePatterns(topology);
            if (patterns.isEmpty()) {
                this.consumer = null;
            } else {
                this.consumer = lanes.consumer(patterns, true, (t, k, payload, lane, id) -> {
                    if (inbound.publish(t, k, payload, lane, Headers.EMPTY)) {
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
            if (catalog != null) {
                this.plan = new TopologyCompiler(catalog).compile(topology);
                plan.start(planBus);
                resources.push(plan::stop);
            }
            LOG.info("topology {} runs on Redis at {} as application {}", topology.name(), addr, settings.app());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Starts the transport, compiles the topology and runs it on {@link #planBus()}; on failure, what was started is stopped again. */
    public static RedisTransportRunner start(Topology topology, PluginCatalog catalog, MessageBus bus, Options options) {
        return new RedisTransportRunner(topology, Objects.requireNonNull(catalog, "catalog"), bus, options);
    }

    /**
     * Starts the transport only: the caller runs {@code topology}'s plan on {@link #planBus()} (and
     * stops it before closing this).
     */
    public static RedisTransportRunner attach(Topology topology, MessageBus bus, Options options) {
        return new RedisTransportRunner(topology, null, bus, options);
    }

    private void bridge(Envelope<Object> m) {
        SpecificRecord record = outbound.recordOf(m);
        if (record == null) {
            return;
        }
        if (publisher.publish(m.topic(), m.key() == null ? null : String.valueOf(m.key()), record, m.priority())) {
            bridged.increment();
        }
    }

    /** The names of the topology's topic sources: their stages read from Redis. */
    static List<String> topicSources(Topology topology) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : topology.internalGraph().nodes()) {
            if (n.type() == OperatorType.SOURCE_TOPIC) {
                out.add(n.name());
            }
        }
        return out;
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

    /** Healthy while both the publisher and the consumer reach Redis. */
    public boolean connected() {
        return trouble() == null;
    }

    /** Which side of the run does not reach Redis, or null. */
    private String trouble() {
        if (!publisher.connected()) {
            return "Redis at " + address + " does not take this run's writes (" + publisher.buffered()
                    + " messages wait in the publisher's buffer)";
        }
        if (consumer != null && !consumer.connected()) {
            return "Redis at " + address + " does not answer this run's reads (consumer " + consumer.name() + ")";
        }
        return null;
    }

    /**
     * Registers the health check {@code transport.redis} (unhealthy while {@link #connected()} is not, its
     * message saying which side does not reach Redis)
     * and counters {@code tributary.transport.redis.<name>}: {@code bridged}, {@code not-sent} and
     * {@code inbound-refused} (this runner), {@code sent}, {@code dropped}, {@code send-refused},
     * {@code send-failures} (the publisher), and with a topic source {@code received},
     * {@code duplicates}, {@code dead-lettered}, {@code claimed}, {@code receive-failures} (the
     * consumer). Close the returned registration before the runner.
     */
    public Registration registerMetrics(TributaryMetrics metrics) {
        return Registration.collect(done -> {
            done.add(metrics.registerTransportHealth(TRANSPORT, this::trouble));
            done.add(metrics.registerTransportCounter(TRANSPORT, "bridged", this::bridged));
            done.add(metrics.registerTransportCounter(TRANSPORT, "not-sent", this::notAvro));
            done.add(metrics.registerTransportCounter(TRANSPORT, "inbound-refused", this::refused));
            done.add(metrics.registerTransportCounter(TRANSPORT, "sent", publisher::sent));
            done.add(metrics.registerTransportCounter(TRANSPORT, "dropped", publisher::dropped));
            done.add(metrics.registerTransportCounter(TRANSPORT, "send-refused", publisher::refused));
            done.add(metrics.registerTransportCounter(TRANSPORT, "send-failures", publisher::failures));
            if (consumer != null) {
                done.add(metrics.registerTransportCounter(TRANSPORT, "received", consumer::delivered));
                done.add(metrics.registerTransportCounter(TRANSPORT, "duplicates", consumer::duplicates));
                done.add(metrics.registerTransportCounter(TRANSPORT, "dead-lettered", consumer::deadLettered));
                done.add(metrics.registerTransportCounter(TRANSPORT, "claimed", consumer::claimed));
                done.add(metrics.registerTransportCounter(TRANSPORT, "receive-failures", consumer::failures));
            }
        });
    }

    /** Waits until the consumer group exists on the streams known at start. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return consumer == null || consumer.awaitReady(timeout);
    }

    public String address() {
        return address;
    }

    /** The bus the plan runs on: the topic sources' stages are fed from Redis, the rest is the caller's bus. */
    public MessageBus planBus() {
        return planBus;
    }

    /** The topic sources whose stages read from Redis. */
    public List<String> redisSources() {
        return List.copyOf(redisSources);
    }

    /** The plan {@link #start} runs; null after {@link #attach}. */
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

    /** Messages on source patterns that have no Avro form, so not sent. */
    public long notAvro() {
        return outbound.notAvro();
    }

    /** Entries the inbound bus refused (left pending, retried after the claim idle time). */
    public long refused() {
        return refused.sum();
    }

    /** Stops in reverse order of start: plan, bridges, consumer, publisher (flushing), inbound bus, server. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        resources.closeAll();
    }
}
