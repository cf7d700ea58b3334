package io.tributary.runtime.metrics;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.codahale.metrics.json.HealthCheckModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SortedMap;

/**
 * {@code GET /health}: runs every health check and answers with Dropwizard's JSON shape
 * ({@code {"lane.normal": {"healthy": false, "message": "...", ...}, ...}}), status 200 when all
 * are healthy and 503 otherwise, so a load balancer can act on the status alone.
 */
final class HealthHandler implements HttpHandler {
    private final HealthCheckRegistry health;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new HealthCheckModule())
            .enable(SerializationFeature.INDENT_OUTPUT);

    HealthHandler(HealthCheckRegistry health) {
        this.health = health;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        SortedMap<String, HealthCheck.Result> results = health.runHealthChecks();
        boolean healthy = results.values().stream().allMatch(HealthCheck.Result::isHealthy);
        byte[] body = json.writeValueAsBytes(results);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
