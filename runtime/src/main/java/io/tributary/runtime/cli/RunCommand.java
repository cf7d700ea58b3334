package io.tributary.runtime.cli;

import io.tributary.api.EpochClock;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.config.EngineConfigs;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.config.TributaryConfig;
import io.tributary.runtime.exec.ShutdownReport;
import io.tributary.runtime.metrics.MetricsServices;
import io.tributary.runtime.metrics.MetricsSettings;
import io.tributary.runtime.metrics.ProgressLine;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.plan.PlanComponent;
import io.tributary.runtime.plugin.LoadedPlugins;
import io.tributary.runtime.viz.live.LiveUiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.typesafe.config.Config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tributary run [TOPOLOGY] [--duration D] [--config FILE] [--plugins DIR] [--transport T]}: loads the
 * plugins, compiles the topology against them, runs it on the in-memory bus (the plan connects the venues it
 * names, e.g. {@code venue-sim}'s market data), with part of it on Kafka ({@link KafkaSession}) or its topic
 * sources fed through Redis Streams ({@link RedisSession}), prints a
 * progress line every progress interval and a
 * summary at the end. Ctrl-C stops it cleanly: the shutdown hook waits until the plan has
 * disconnected its venues and unsubscribed, the lanes are drained and the summary printed.
 */
@Command(name = "run", description = "Run a topology on the in-memory bus (or Kafka, or Redis Streams) with the venues, policies and sinks of the loaded plugins.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    /** How often the run asks its transport whether it still runs. */
    private static final long TRANSPORT_CHECK_MILLIS = 200;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPOLOGY",
            description = "built-in name, class name or jar[#name]; default: " + TopologyResolver.DEFAULT)
    String topology;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "D",
            description = "how long to run, e.g. 10s or 2m (default: tributary.run.duration; 0 = until Ctrl-C)")
    Duration duration;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file over the defaults (see `config check`)")
    Path config;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus) and /health on 127.0.0.1:PORT (0 = any free port)")
    Integer metricsPort;

    @Option(names = "--ui", arity = "0..1", paramLabel = "PORT", fallbackValue = "" + LiveUiServer.DEFAULT_PORT,
            description = "Serve the live page (graph, rates, lanes, alerts) on 127.0.0.1:PORT (default "
                    + LiveUiServer.DEFAULT_PORT + "; 0 = any free port)")
    Integer uiPort;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "plugins directory (default: tributary.plugins.dir, else plugins-dist found from here or from the runtime jar)")
    Path plugins;

    @Option(names = "--transport", paramLabel = "T", converter = TransportOptions.TypeConverter.class,
            description = "inmemory, kafka or redis (default: tributary.transport.type)")
    TransportSettings.Type transport;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: tributary.transport.kafka.bootstrapServers; embedded = start a broker for the run)")
    String bootstrap;

    @Option(names = "--redis", paramLabel = "redis://HOST:PORT",
            description = "Redis for --transport redis (default: tributary.transport.redis.address if configured, "
                    + "else a redis-server started for the run; local = always start one)")
    String redis;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TributaryConfig cfg = TransportOptions.loader(transport).load(config);
        TransportOptions.check(cfg, bootstrap, redis);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TopologyDefinition definition = new TopologyResolver(loader).resolve(topology);
        Topology built = definition.build();
        Path directory = PluginOptions.directory(plugins, cfg);
        if (!PluginOptions.exists(directory)) {
            throw new IllegalArgumentException("plugins directory " + directory + " does not exist: build the plugins"
                    + " (mvn package, or ./tributary, which builds them into plugins-dist) or pass --plugins DIR");
        }
        try (LoadedPlugins loaded = PluginOptions.load(directory, err)) {
            PluginCatalog catalog = PluginCatalog.of(loaded);
            PhysicalPlan plan = new TopologyCompiler(catalog, cfg.timerPeriod()).compile(built);
            return run(built, plan, catalog, loaded, cfg, out);
        }
    }

    private int run(Topology built, PhysicalPlan plan, PluginCatalog catalog, LoadedPlugins loaded, TributaryConfig cfg,
                    PrintWriter out) throws InterruptedException {
        Duration runFor = duration != null ? duration : cfg.run().duration();
        LocalMessageBus bus = new LocalMessageBus(EngineConfigs.bus(cfg));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(finished, cfg.executor().shutdownGrace().plusSeconds(5));
        }, "tributary-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tributary-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        OutputCounter outputs = null;
        MetricsSettings metricsSettings = metricsSettings(cfg);
        TributaryMetrics metrics = TributaryMetrics.builder().settings(metricsSettings).build();
        MetricsServices services = null;
        LiveUiServer ui = null;
        TransportSession session = null;
        AtomicReference<Throwable> transportFailure = new AtomicReference<>();
        try {
            session = TransportOptions.open(cfg, built, catalog, bus, bootstrap, redis, metrics, out);
            out.printf("running %s (%d stage(s))%s for %s; plugins %s: %s; Ctrl-C stops%n", built.name(),
                    plan.stages().size(), session instanceof InMemorySession ? "" : " on " + session.description(),
                    runFor.isZero() ? "ever" : io.tributary.api.dsl.internal.Durations.format(runFor),
                    loaded.directory(), plan.components().isEmpty() ? "none used"
                            : String.join(", ", plan.components().stream().map(PlanComponent::name).toList()));
            out.flush();
            outputs = new OutputCounter(bus, plan.describe().publishes().keySet().stream()
                    .filter(t -> !t.startsWith("tributary.internal.")).sorted().toList());
            plan.start(session.planBus(), metrics);
            metrics.bind(bus);
            // before the alert evaluator starts, so the page hears every alert it raises
            if (uiPort != null) {
                ui = LiveUiServer.start(plan, metrics, bus, uiPort);
                out.printf("live page at %s/%n", ui.url());
                out.flush();
            }
            services = MetricsServices.start(metricsSettings, metrics, bus, System.out);
            if (services.http() != null) {
                out.printf("metrics at %s/metrics, health at %s/health%n", services.http().baseUrl(),
                        services.http().baseUrl());
            }
            ProgressLine line = new ProgressLine(metrics.registry(), start);
            long period = cfg.run().progressInterval().toNanos();
            TransportSession transportLine = session;
            progress.scheduleAtFixedRate(() -> {
                out.println(line.next(System.nanoTime()) + transportLine.progress());
                out.flush();
            }, period, period, TimeUnit.NANOSECONDS);
            // a transport that stopped under a running plan (Kafka Streams in ERROR, say) would leave
            // the run counting nothing until its duration is up: stop it instead, and say why
            progress.scheduleWithFixedDelay(() -> {
                Throwable failure = transportLine.failure();
                if (failure != null && transportFailure.compareAndSet(null, failure)) {
                    stop.countDown();
                }
            }, TRANSPORT_CHECK_MILLIS, TRANSPORT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (runFor.isZero()) {
                stop.await();
            } else {
                stop.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            progress.shutdownNow();
            if (ui != null) {
                ui.close();
            }
            if (services != null) {
                services.close();
            }
            plan.stop();
            if (session != null) {
                session.close();
            }
            int workers = bus.executor().workerCount();
            ShutdownReport report = bus.shutdown(cfg.executor().shutdownGrace());
            if (outputs != null) {
                outputs.close();
            }
            long elapsed = System.nanoTime() - start;
            if (session != null) {   // a transport that did not start: its error is the whole story
                out.print(RunSummary.format(built.name(), session.description(), elapsed, bus.executor()::laneStats,
                        workers, loaded.failures().snapshot(), RunSummary.merge(plan.counters(), session.counters()),
                        outputs == null ? java.util.Map.of() : outputs.counts(), report.drained()));
            }
            out.flush();
            metrics.close();
            finished.countDown();
            removeHook(hook);
        }
        Throwable failure = transportFailure.get();
        if (failure != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("run stopped: " + session.description() + " failed: " + causes(failure));
            err.flush();
            return 1;
        }
        return 0;
    }

    /** The messages of an exception and its causes, outermost first: Kafka wraps the one that says why. */
    static String causes(Throwable error) {
        StringBuilder out = new StringBuilder(error.toString());
        int depth = 0;
        for (Throwable cause = error.getCause(); cause != null && depth++ < 8; cause = cause.getCause()) {
            out.append("; caused by ").append(cause);
        }
        return out.toString();
    }

    private MetricsSettings metricsSettings(TributaryConfig cfg) {
        Config raw = cfg.raw();
        String path = raw.hasPath(ConfigLoader.METRICS_PATH) ? ConfigLoader.METRICS_PATH
                : raw.hasPath("metrics") ? "metrics" : null;
        MetricsSettings.Builder settings = path == null ? MetricsSettings.builder()
                : MetricsSettings.fromConfig(raw.getConfig(path), ConfigLoader.METRICS_PATH).toBuilder();
        if (metricsPort != null) {
            settings.http(true).httpPort(metricsPort);
        }
        return settings.build();
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and returns once we are done
        }
    }
}
