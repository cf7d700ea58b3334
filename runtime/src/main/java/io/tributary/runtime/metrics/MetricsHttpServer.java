package io.tributary.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server for both endpoints, on the JDK's {@code com.sun.net.httpserver}:
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format (or OpenMetrics / protobuf when the scraper's
 *       {@code Accept} header asks), written by the Prometheus client's handler from
 *       {@link TributaryMetrics#prometheus()};</li>
 *   <li>{@code GET /health}: health checks as JSON, 200 or 503 ({@link HealthHandler}).</li>
 * </ul>
 * Anything else is 404; other methods 405. Binds to 127.0.0.1 unless told otherwise: metrics
 * reveal topology names and traffic, expose them on purpose.
 */
public final class MetricsHttpServer implements AutoCloseable {
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService threads;
    private final String host;

    private MetricsHttpServer(HttpServer server, ExecutorService threads, String host) {
        this.server = server;
        this.threads = threads;
        this.host = host;
    }

    /** {@link #start(TributaryMetrics, String, int)} on {@link #DEFAULT_HOST}. */
    public static MetricsHttpServer start(TributaryMetrics metrics, int port) {
        return start(metrics, DEFAULT_HOST, port);
    }

    /**
     * Binds and starts serving.
     *
     * @param port 0 for any free port; read the one bound with {@link #port()}
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static MetricsHttpServer start(TributaryMetrics metrics, String host, int port) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tributary-metrics-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        MetricsHandler prometheus = new MetricsHandler(metrics.prometheus());
        HealthHandler health = new HealthHandler(metrics.healthChecks());
        server.createContext("/", exchange -> route(exchange, prometheus, health));
        server.start();
        MetricsHttpServer started = new MetricsHttpServer(server, threads, host);
        LOG.info("metrics on http://{}:{}/metrics, health on /health", host, started.port());
        return started;
    }

    private static void route(HttpExchange exchange, HttpHandler prometheus, HttpHandler health) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            HttpHandler target = switch (path) {
                case "/metrics" -> prometheus;
                case "/health" -> health;
                default -> null;
            };
            if (target == null) {
                plain(exchange, 404, "not found: " + path + " (try /metrics or /health)\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                plain(exchange, 405, exchange.getRequestMethod() + " not allowed on " + path + "\n");
            } else {
                target.handle(exchange);
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics endpoint failed on {}", exchange.getRequestURI(), e);
            throw e;
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The port bound (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return host;
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
    }

    /**
     * Stops accepting and frees the port. Exchanges in progress are cut short: on JDK 17 any grace
     * given to {@code HttpServer.stop} is waited out in full, and a scrape is cheap to retry.
     */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(2, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "MetricsHttpServer[" + baseUrl() + "]";
    }
}
