package io.tributary.runtime.testing;

import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.dsl.Router;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.PluginRef;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.plan.PhysicalPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a topology in a test: synchronously, on the calling thread, without a broker or a bus, on a
 * clock that moves only when the test says so.
 * <pre>
 * try (var driver = new TopologyTestDriver(new TradeBars())) {
 *     driver.input("data.trades.BINANCE.BTCUSDT").pipe(trade);
 *     driver.advanceTime(Duration.ofSeconds(1));   // windows close, conflated values are released
 *     assertEquals(1, driver.output("bars.1s").readAll().size());
 * }
 * </pre>
 * The topology is compiled exactly as for production (same validation, same operators); only the
 * bus is replaced by a synchronous one. Sink and venue plugins referenced by the topology are
 * captured ({@link #sink(String)}); routing-policy plugins must be given with
 * {@link Builder#policy(String, Router)}.
 */
public final class TopologyTestDriver implements AutoCloseable {
    /** Default start time: aligned to a whole day, so window boundaries are easy to reason about. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final PhysicalPlan plan;
    private final SynchronousBus bus;
    private final Map<String, Deque<Message<Object>>> outputs = new HashMap<>();
    private final Map<String, Deque<Message<Object>>> pluginOutputs = new HashMap<>();
    private long nowNanos;
    private long nextSinkId = 1;
    private boolean closed;

    public TopologyTestDriver(TopologyDefinition definition) {
        this(builder(definition));
    }

    public TopologyTestDriver(Topology topology) {
        this(builder(topology));
    }

    private TopologyTestDriver(Builder b) {
        this.nowNanos = b.startTime.getEpochSecond() * 1_000_000_000L + b.startTime.getNano();
        this.bus = new SynchronousBus(() -> nowNanos,
                m -> outputs.computeIfAbsent(m.topic(), t -> TestOutputTopic.newQueue()).add(m));
        this.plan = new TopologyCompiler(b.catalog != null ? b.catalog : capturingCatalog(b)).compile(b.topology);
        plan.start(bus, () -> nowNanos, false);
    }

    public static Builder builder(TopologyDefinition definition) {
        return new Builder(definition.build());
    }

    public static Builder builder(Topology topology) {
        return new Builder(topology);
    }

    /** Every name the topology refers to is known; sinks and venues record what they receive. */
    private PluginCatalog capturingCatalog(Builder b) {
        PluginCatalog.Builder catalog = PluginCatalog.builder();
        for (NodeDescription node : b.topology.describe().nodes()) {
            PluginRef ref = node.plugin();
            if (ref == null) {
                continue;
            }
            String name = ref.name();
            switch (ref.kind()) {
                case VENUE:
                    catalog.venue(name, r -> (key, value, lane, topic) -> capture(r, key, value, lane, topic));
                    break;
                case SINK:
                    catalog.sink(name, r -> (key, value, lane, topic) -> capture(r, key, value, lane, topic));
                    break;
                default:
                    break;
            }
        }
        b.policies.forEach((name, router) -> catalog.policy(name, r -> router));
        return catalog.build();
    }

    private void capture(PluginRef ref, Object key, Object value, Priority lane, String topic) {
        Message<Object> record = new Message<>(nextSinkId++, topic != null ? topic : ref.name(), key, value, lane,
                nowNanos, Headers.EMPTY);
        pluginOutputs.computeIfAbsent(ref.name(), n -> TestOutputTopic.newQueue()).add(record);
    }

    /** Where values enter: any topic, delivered to every source whose pattern matches it. */
    public <T> TestInputTopic<T> input(String topic) {
        checkOpen();
        return new TestInputTopic<>(this, topic);
    }

    void inject(String topic, Object key, Object value, Priority priority) {
        checkOpen();
        bus.inject(topic, key, value, priority);
    }

    /** What the topology published to {@code topic} (also routed destinations and late topics). */
    public <T> TestOutputTopic<T> output(String topic) {
        return new TestOutputTopic<>(topic, outputs.computeIfAbsent(topic, t -> TestOutputTopic.newQueue()));
    }

    /** What a sink or venue plugin named {@code name} received through {@code to(...)}. */
    public <T> TestOutputTopic<T> sink(String name) {
        return new TestOutputTopic<>(name, pluginOutputs.computeIfAbsent(name, t -> TestOutputTopic.newQueue()));
    }

    /** Moves the clock forward; conflated values are released and windows whose time has come close. */
    public void advanceTime(Duration duration) {
        checkOpen();
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; cannot advance by " + duration);
        }
        nowNanos += duration.toNanos();
        plan.punctuate(nowNanos);
    }

    public Instant now() {
        return Instant.ofEpochSecond(0, nowNanos);
    }

    public long nowNanos() {
        return nowNanos;
    }

    /** Late events, throttled and conflated messages… by {@code <node>.<event>}. */
    public Map<String, Long> counters() {
        return new LinkedHashMap<>(plan.counters());
    }

    /** The compiled plan (e.g. to check its description). */
    public PhysicalPlan plan() {
        return plan;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("test driver is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            plan.stop();
            bus.close();
        }
    }

    /** Options: start time, routing policies, or a whole plugin catalog. */
    public static final class Builder {
        private final Topology topology;
        private final Map<String, Router<?>> policies = new LinkedHashMap<>();
        private Instant startTime = DEFAULT_START;
        private PluginCatalog catalog;

        private Builder(Topology topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
        }

        public Builder startTime(Instant value) {
            this.startTime = Objects.requireNonNull(value, "startTime");
            return this;
        }

        /** The router to run for {@code Policy.ref(name, …)}. */
        public Builder policy(String name, Router<?> router) {
            policies.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(router, "router"));
            return this;
        }

        /** Use this catalog instead of capturing sinks (names it does not know are then errors). */
        public Builder catalog(PluginCatalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        public TopologyTestDriver build() {
            return new TopologyTestDriver(this);
        }
    }
}
