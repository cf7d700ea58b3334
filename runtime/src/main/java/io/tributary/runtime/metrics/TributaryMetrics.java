package io.tributary.runtime.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.tributary.api.EpochClock;
import io.tributary.runtime.bus.DeliveryCounts;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.PriorityExecutor;
import org.mpierce.metrics.reservoir.hdrhistogram.HdrHistogramReservoir;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

/**
 * The metrics of one Tributary runtime: one Dropwizard {@link MetricRegistry}, one
 * {@link HealthCheckRegistry}, and the Prometheus view of both. Reporters, the HTTP endpoint and the
 * alert evaluator all read from here ({@link MetricsServices} starts them).
 *
 * <p>Typical wiring at start-up:
 * <pre>{@code
 * TributaryMetrics metrics = TributaryMetrics.builder().build();
 * metrics.bind(bus);                                      // lanes, workers, bus errors, lane health
 * NodeMetrics venues = metrics.source("arb-desk", "venues"); // once per node, kept by the stage
 * venues.in();                                            // on the hot path
 * }</pre>
 *
 * <p>Thread-safe. Registration methods are for start-up and shut-down, not for the hot path.
 */
public final class TributaryMetrics implements AutoCloseable {
    private final MetricRegistry registry = new MetricRegistry();
    private final HealthCheckRegistry health = new HealthCheckRegistry();
    private final EpochClock clock;
    private final boolean nodeMetrics;
    private final long laneStatsTtlNanos;
    private final long waitSampleNanos;
    private final long defaultMaxHealthyLag;
    private final ConcurrentHashMap<String, NodeMetrics> nodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> prometheusNames = new ConcurrentHashMap<>();
    private final Set<String> sources = ConcurrentHashMap.newKeySet();
    private final PluginHealthCheck plugins = new PluginHealthCheck();
    private final Object bindLock = new Object();
    private volatile PriorityExecutor executor;
    private volatile PrometheusRegistry prometheus;

    private TributaryMetrics(Builder b) {
        this.clock = b.clock;
        this.nodeMetrics = b.nodeMetrics;
        this.laneStatsTtlNanos = b.laneStatsTtl.toNanos();
        this.waitSampleNanos = b.waitSampleInterval.toNanos();
        this.defaultMaxHealthyLag = b.maxHealthyLag;
        health.register("plugins", plugins);
    }

    /** Defaults: system clock, node metrics on. */
    public static TributaryMetrics create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public MetricRegistry registry() {
        return registry;
    }

    public HealthCheckRegistry healthChecks() {
        return health;
    }

    public EpochClock clock() {
        return clock;
    }

    /** False when built with {@code nodeMetrics(false)}: {@link #node} hands out {@link NodeMetrics#NOOP}. */
    public boolean nodeMetricsEnabled() {
        return nodeMetrics;
    }

    // ---- per node ---------------------------------------------------------------------------

    /**
     * The meters of one node: {@code tributary.<topology>.<node>.{in,out,errors}} and the
     * {@code .latency} histogram (HdrHistogram reservoir, nanoseconds). Call once per node at
     * start-up and keep the handle; calling again for the same node returns the same handle.
     *
     * @throws IllegalArgumentException if a name is empty, has a '.', or is not a valid topic
     *                                  segment; if the topology is named like one of the runtime's
     *                                  own groups ({@link MetricNames#RESERVED_TOPOLOGY_NAMES}); or if it would clash with another node's name once
     *                                  turned into a Prometheus name (e.g. {@code a-b} and {@code a_b})
     * @throws IllegalStateException    if one of the node's meter names was registered by other means
     */
    public NodeMetrics node(String topology, String node) {
        String key = MetricNames.node(topology, node);
        if (MetricNames.RESERVED_TOPOLOGY_NAMES.contains(topology)) {
            throw new IllegalArgumentException("topology name '" + topology + "' is reserved for the runtime's own metrics ("
                    + MetricNames.PREFIX + "." + topology + ".*); rename the topology");
        }
        if (!nodeMetrics) {
            return NodeMetrics.NOOP;
        }
        return nodes.computeIfAbsent(key, k -> {
            String in = MetricNames.node(topology, node, MetricNames.IN);
            String out = MetricNames.node(topology, node, MetricNames.OUT);
            String errors = MetricNames.node(topology, node, MetricNames.ERRORS);
            for (String name : new String[] {in, out, errors}) {
                // the node counts into its own tallies: a meter registered under its name before
                // (by hand, through registry()) would never see a count
                if (registry.getMetrics().containsKey(name)) {
                    throw new IllegalStateException("metric " + name + " is already registered; node meters must be "
                            + "made by node() or source() only");
                }
            }
            claimPrometheusName(k, "topology '" + topology + "' node '" + node + "'");
            DeliveryCounts counts = new DeliveryCounts();
            registry.register(in, new ReadTickedMeter(com.codahale.metrics.Clock.defaultClock(), Tally.in(counts)));
            registry.register(out, new ReadTickedMeter(com.codahale.metrics.Clock.defaultClock(), Tally.out(counts)));
            registry.register(errors, new ReadTickedMeter(com.codahale.metrics.Clock.defaultClock(), Tally.errors(counts)));
            return new MeteredNode(k, counts,
                    registry.histogram(MetricNames.node(topology, node, MetricNames.LATENCY),
                            () -> new Histogram(new HdrHistogramReservoir())));
        });
    }

    /**
     * {@link #node} for a node where messages enter (a venue or a subscribed topic). Its
     * {@code .in} meter is watched by the default "silent venue" alert rule
     * ({@link DefaultAlertRules}), so register sources before building the rules.
     */
    public NodeMetrics source(String topology, String node) {
        NodeMetrics handle = node(topology, node);
        if (nodeMetrics) {
            sources.add(MetricNames.node(topology, node, MetricNames.IN));
        }
        return handle;
    }

    /** Names of the {@code .in} meters of the nodes registered with {@link #source}. */
    public Set<String> sourceMeters() {
        return Set.copyOf(sources);
    }

    /**
     * Two Dropwizard names that differ only in characters Prometheus does not allow ({@code a-b},
     * {@code a_b}, {@code a.b}) would export one name twice, and the Prometheus client fails the
     * whole scrape on that; refuse the second at registration instead, naming both owners.
     */
    private String claimPrometheusName(String dropwizardName, String owner) {
        String sanitized = PrometheusNaming.prometheusName(PrometheusNaming.sanitizeMetricName(dropwizardName));
        String previous = prometheusNames.putIfAbsent(sanitized, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException(owner + " and " + previous + " would both be exported to Prometheus as "
                    + sanitized + "; rename one of them");
        }
        return sanitized;
    }

    // ---- the engine ---------------------------------------------------------------------------

    /**
     * Registers the lane metrics, worker count and lane health checks of the bus's executor, and the
     * bus's handler-error, dead-letter and subscription counts. Once per runtime.
     *
     * @throws IllegalStateException if an executor is already bound
     */
    public void bind(LocalMessageBus bus) {
        Objects.requireNonNull(bus, "bus");
        bind(bus.executor());
        registry.register(MetricNames.HANDLER_ERRORS, new DerivedCounter(MetricNames.HANDLER_ERRORS, bus::handlerErrors));
        registry.register(MetricNames.DEAD_LETTERS, new DerivedCounter(MetricNames.DEAD_LETTERS, bus::deadLetters));
        registry.register(MetricNames.SUBSCRIPTIONS, new DerivedGauge(bus::subscriptionCount));
    }

    /** The executor part of {@link #bind(LocalMessageBus)}, for runtimes whose executor has no local bus. */
    public void bind(PriorityExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        synchronized (bindLock) {
            if (this.executor != null) {
                throw new IllegalStateException("an executor is already bound to these metrics: " + this.executor);
            }
            LaneMetrics.register(executor, registry, health, clock, laneStatsTtlNanos, waitSampleNanos);
            this.executor = executor;
        }
    }

    /** The bound executor, or null before {@link #bind}. */
    public PriorityExecutor executor() {
        return executor;
    }

    // ---- transports and plugins ---------------------------------------------------------------

    /**
     * Registers a consumer-lag gauge {@code tributary.transport.<transport>.<source>.lag} and a
     * health check {@code lag.<transport>.<source>} that fails above the builder's
     * {@code maxHealthyLag}. {@code lag} is called on every read (reports, scrapes, alert rules, health
     * checks): make it cheap and thread-safe.
     */
    public Registration registerLag(String transport, String source, LongSupplier lag) {
        return registerLag(transport, source, lag, defaultMaxHealthyLag);
    }

    /** {@link #registerLag(String, String, LongSupplier)} with its own health bound. */
    public Registration registerLag(String transport, String source, LongSupplier lag, long maxHealthyLag) {
        Objects.requireNonNull(lag, "lag");
        if (maxHealthyLag < 0) {
            throw new IllegalArgumentException("maxHealthyLag must be >= 0, was " + maxHealthyLag);
        }
        String name = MetricNames.lag(transport, source);
        String check = "lag." + transport + "." + source;
        String owner = "lag of " + transport + " source '" + source + "'";
        String exported = claimPrometheusName(name, owner);
        try {
            registry.register(name, new DerivedGauge(lag));
        } catch (IllegalArgumentException e) {
            prometheusNames.remove(exported, owner);
            throw new IllegalArgumentException(owner + " is already registered", e);
        }
        health.register(check, new LagHealthCheck(transport, source, lag, maxHealthyLag));
        return once(() -> {
            registry.remove(name);
            health.unregister(check);
            prometheusNames.remove(exported, owner);
        });
    }

    /**
     * Registers a counter {@code tributary.transport.<transport>.<name>} whose count is {@code total},
     * a monotonic count the transport keeps (messages bridged, dead-lettered, duplicates dropped…).
     * {@code total} is called on every read: make it cheap and thread-safe.
     */
    public Registration registerTransportCounter(String transport, String name, LongSupplier total) {
        Objects.requireNonNull(total, "total");
        String metric = MetricNames.transport(transport, name);
        return registerTransportMetric(metric, transport + " counter '" + name + "'", new DerivedCounter(metric, total));
    }

    /**
     * Registers a gauge {@code tributary.transport.<transport>.<name>} reading {@code value}, a level
     * that goes up and down (messages waiting for a broker…). Called on every read: cheap and thread-safe.
     */
    public Registration registerTransportGauge(String transport, String name, LongSupplier value) {
        Objects.requireNonNull(value, "value");
        return registerTransportMetric(MetricNames.transport(transport, name), transport + " gauge '" + name + "'",
                new DerivedGauge(value));
    }

    private Registration registerTransportMetric(String metric, String owner, com.codahale.metrics.Metric instance) {
        String exported = claimPrometheusName(metric, owner);
        try {
            registry.register(metric, instance);
        } catch (IllegalArgumentException e) {
            prometheusNames.remove(exported, owner);
            throw new IllegalArgumentException(owner + " is already registered", e);
        }
        return once(() -> {
            registry.remove(metric);
            prometheusNames.remove(exported, owner);
        });
    }

    /** Registers the health check {@code transport.<transport>}, healthy while {@code connected} says so. */
    public Registration registerTransport(String transport, BooleanSupplier connected) {
        Objects.requireNonNull(connected, "connected");
        return registerTransportHealth(transport, () -> connected.getAsBoolean() ? null : transport + " not connected");
    }

    /**
     * Registers the health check {@code transport.<transport>}: healthy while {@code trouble} gives
     * null, else unhealthy with what it gives as the check's message (what is wrong, said once).
     */
    public Registration registerTransportHealth(String transport, Supplier<String> trouble) {
        Objects.requireNonNull(trouble, "trouble");
        String check = "transport." + MetricNames.segment("transport", transport);
        health.register(check, new TransportHealthCheck(transport, trouble));
        return once(() -> health.unregister(check));
    }

    /** Records that a plugin loaded; shown by the {@code plugins} health check. */
    public void pluginLoaded(String plugin) {
        plugins.loaded(Objects.requireNonNull(plugin, "plugin"));
    }

    /** Records that a plugin (jar or folder) failed to load; the {@code plugins} health check fails and names it. */
    public void pluginFailed(String plugin, String cause) {
        plugins.failed(Objects.requireNonNull(plugin, "plugin"), String.valueOf(cause));
    }

    private static Registration once(Runnable undo) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                undo.run();
            }
        };
    }

    // ---- Prometheus ---------------------------------------------------------------------------

    /**
     * A Prometheus registry exporting this registry through the Prometheus client's Dropwizard
     * bridge (names with {@code .} and {@code -} turned into {@code _}). Made on first use; its own
     * registry, not the JVM-wide default one, so several runtimes in one JVM do not collide.
     */
    public PrometheusRegistry prometheus() {
        PrometheusRegistry p = prometheus;
        if (p == null) {
            synchronized (bindLock) {
                p = prometheus;
                if (p == null) {
                    p = new PrometheusRegistry();
                    DropwizardExports.builder().dropwizardRegistry(registry).register(p);
                    prometheus = p;
                }
            }
        }
        return p;
    }

    /** Stops the health-check registry's thread. Metrics stay readable. */
    @Override
    public void close() {
        health.shutdown();
    }

    @Override
    public String toString() {
        return "TributaryMetrics[" + registry.getNames().size() + " metrics, nodeMetrics=" + nodeMetrics + "]";
    }

    /** Settings of a {@link TributaryMetrics}; each setter names its default. */
    public static final class Builder {
        private EpochClock clock = EpochClock.SYSTEM;
        private boolean nodeMetrics = true;
        private Duration laneStatsTtl = Duration.ofMillis(10);
        private Duration waitSampleInterval = Duration.ofMillis(100);
        private long maxHealthyLag = 10_000;

        private Builder() {
        }

        /** Clock of lane-wait estimates and health checks. Default {@link EpochClock#SYSTEM}; tests pass their own. */
        public Builder clock(EpochClock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Takes {@code nodeMetrics} and {@code health.maxConsumerLag} from the settings. */
        public Builder settings(MetricsSettings settings) {
            nodeMetrics(settings.nodeMetrics());
            return maxHealthyLag(settings.maxConsumerLag());
        }

        /** Node meters on (default) or off ({@link NodeMetrics#NOOP}); lane and bus metrics are always on. */
        public Builder nodeMetrics(boolean value) {
            nodeMetrics = value;
            return this;
        }

        /** How long one lane snapshot serves all lane metrics of a report. Default 10 ms; 0 = always fresh. */
        public Builder laneStatsTtl(Duration value) {
            laneStatsTtl = nonNegative("laneStatsTtl", value);
            return this;
        }

        /** Shortest window of the current-wait estimate ({@code wait.current}, lane health). Default 100 ms. */
        public Builder waitSampleInterval(Duration value) {
            waitSampleInterval = nonNegative("waitSampleInterval", value);
            return this;
        }

        /** Default bound of the consumer-lag health checks, in messages. Default 10000. */
        public Builder maxHealthyLag(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxHealthyLag must be >= 0, was " + value);
            }
            maxHealthyLag = value;
            return this;
        }

        public TributaryMetrics build() {
            return new TributaryMetrics(this);
        }

        private static Duration nonNegative(String field, Duration value) {
            Objects.requireNonNull(value, () -> field + " is null");
            if (value.isNegative()) {
                throw new IllegalArgumentException(field + " must be >= 0, was " + value);
            }
            return value;
        }
    }
}
