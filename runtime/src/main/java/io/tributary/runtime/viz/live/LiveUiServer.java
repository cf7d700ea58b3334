package io.tributary.runtime.viz.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.api.MessageBus;
import io.tributary.runtime.metrics.MetricsHttpServer;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.plan.PhysicalPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live page of {@code tributary run --ui}: the topology drawing with per-node rates, lane depths
 * and waits, drops, conflations and open alerts, pushed to the browser as server-sent events. Serves,
 * on the JDK's {@code com.sun.net.httpserver}:
 * <ul>
 *   <li>{@code GET /}: the page (the {@link io.tributary.runtime.viz.VizFormat#SVG SVG} drawing inline),
 *       {@code /live.js} and {@code /live.css} from the class path: no asset from the internet;</li>
 *   <li>{@code GET /events}: {@code text/event-stream}, one {@code snapshot} event per snapshot period
 *       whose data is a {@link LiveSnapshot} as JSON;</li>
 *   <li>{@code GET /api/snapshot}: the newest snapshot; {@code GET /api/topology}: every node's
 *       configuration (shown on a click).</li>
 * </ul>
 * One thread takes a snapshot every period and hands it to every page, so the cost does not grow
 * with the number of pages. Binds to 127.0.0.1 unless told otherwise.
 */
public final class LiveUiServer implements AutoCloseable {
    /** Default port of {@code run --ui}. */
    public static final int DEFAULT_PORT = 7070;
    /** How often a snapshot is taken and sent. */
    public static final Duration SNAPSHOT_PERIOD = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(LiveUiServer.class);
    private static final int MAX_STREAMS = 32;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService ticker;
    private final AlertBoard alerts;
    private final SnapshotBuilder snapshots;
    private final ObjectMapper json = new ObjectMapper();
    private final LivePage page;
    private final byte[] topology;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final String host;
    private volatile String latestJson;
    private volatile String latestFrame;
    private volatile boolean closed;

    private LiveUiServer(PhysicalPlan plan, TributaryMetrics metrics, MessageBus bus, String host, int port,
                         Duration period) {
        this.host = host;
        this.page = LivePage.of(plan);
        try {
            this.topology = json.writeValueAsBytes(Map.of("topology", plan.name(), "nodes", NodeConfig.of(plan)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration of topology " + plan.name() + " as JSON", e);
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the live page on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.alerts = new AlertBoard(bus);
        this.snapshots = new SnapshotBuilder(plan, metrics.registry()::getMetrics, alerts, System.nanoTime());
        this.httpThreads = Executors.newCachedThreadPool(daemon("tributary-ui-http-"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("tributary-ui-snapshot-"));
        server.setExecutor(httpThreads);
        server.createContext("/", this::route);
        server.start();
        long nanos = period.toNanos();
        ticker.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** {@link #start(PhysicalPlan, TributaryMetrics, MessageBus, String, int)} on 127.0.0.1. */
    public static LiveUiServer start(PhysicalPlan plan, TributaryMetrics metrics, MessageBus bus, int port) {
        return start(plan, metrics, bus, MetricsHttpServer.DEFAULT_HOST, port);
    }

    /**
     * Starts serving the live page of a plan started with {@code metrics} ({@link PhysicalPlan#start(MessageBus,
     * TributaryMetrics)}) and bound to its bus ({@link TributaryMetrics#bind}).
     *
     * @param bus  where the alert evaluator publishes {@code alerts.<severity>}; null shows no alerts
     * @param port 0 for any free port; read the one bound with {@link #port()}
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static LiveUiServer start(PhysicalPlan plan, TributaryMetrics metrics, MessageBus bus, String host, int port) {
        return start(plan, metrics, bus, host, port, SNAPSHOT_PERIOD);
    }

    static LiveUiServer start(PhysicalPlan plan, TributaryMetrics metrics, MessageBus bus, String host, int port,
                              Duration period) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("snapshot period must be > 0, was " + period);
        }
        LiveUiServer started = new LiveUiServer(plan, metrics, bus, host, port, period);
        LOG.info("live page of {} on {}/", plan.name(), started.url());
        return started;
    }

    private void tick() {
        try {
            LiveSnapshot snapshot = snapshots.build(System.nanoTime(), System.currentTimeMillis());
            String text = json.writeValueAsString(snapshot);
            String frame = SseStream.frame("snapshot", snapshot.sequence(), text);
            latestJson = text;
            latestFrame = frame;
            for (SseStream stream : streams) {
                stream.offer(frame);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            // keep the schedule: a page missing one snapshot is better than a page frozen for good
            LOG.warn("live page snapshot failed: {}", e.toString(), e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain", exchange.getRequestMethod() + " not allowed on " + path + "\n");
                return;
            }
            switch (path) {
                case "/", "/index.html" -> send(exchange, 200, "text/html", page.html());
                case "/live.js" -> send(exchange, 200, "text/javascript", page.script());
                case "/live.css" -> send(exchange, 200, "text/css", page.style());
                case "/api/topology" -> send(exchange, 200, "application/json", topology);
                case "/api/snapshot" -> snapshot(exchange);
                case "/events" -> events(exchange);
                default -> send(exchange, 404, "text/plain",
                        "not found: " + path + " (the live page is /; data at /events, /api/snapshot, /api/topology)\n");
            }
        }
    }

    private void snapshot(HttpExchange exchange) throws IOException {
        String latest = latestJson;
        if (latest == null) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(exchange, 503, "text/plain", "no snapshot yet: the first comes " + SNAPSHOT_PERIOD.toMillis() + " ms after start\n");
        } else {
            send(exchange, 200, "application/json", latest);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        if (streams.size() >= MAX_STREAMS) {
            send(exchange, 503, "text/plain", "too many live pages open (" + MAX_STREAMS + "); close one\n");
            return;
        }
        SseStream stream = new SseStream();
        streams.add(stream);
        try {
            if (!closed) {
                stream.serve(exchange, latestFrame);
            }
        } catch (IOException e) {
            LOG.debug("live page stream ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(stream);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port bound (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}, the page's address. */
    public String url() {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
    }

    /** Stops the snapshots, ends every event stream, frees the port and stops listening for alerts. */
    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        streams.forEach(SseStream::end);
        server.stop(0);
        alerts.close();
        httpThreads.shutdown();
        try {
            if (!httpThreads.awaitTermination(2, TimeUnit.SECONDS)) {
                httpThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            httpThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LiveUiServer[" + url() + "]";
    }
}
