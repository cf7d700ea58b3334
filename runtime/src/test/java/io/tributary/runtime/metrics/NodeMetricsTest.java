package io.tributary.runtime.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeMetricsTest {

    @Test
    void aNodeGetsThreeMetersAndAnHdrLatencyHistogramUnderItsName() {
        TributaryMetrics metrics = TributaryMetrics.create();
        NodeMetrics node = metrics.node("arb-desk", "router");
        node.in();
        node.in();
        node.out();
        node.error();
        node.latency(2_500);
        node.latency(-40); // clock skew between processes: recorded as 0, not an exception

        MetricRegistry r = metrics.registry();
        assertEquals(Set.of("tributary.arb-desk.router.in", "tributary.arb-desk.router.out",
                "tributary.arb-desk.router.errors", "tributary.arb-desk.router.latency"), r.getNames());
        assertEquals(2, r.meter("tributary.arb-desk.router.in").getCount());
        assertEquals(1, r.meter("tributary.arb-desk.router.out").getCount());
        assertEquals(1, r.meter("tributary.arb-desk.router.errors").getCount());
        Histogram latency = r.getHistograms().get("tributary.arb-desk.router.latency");
        assertEquals(2, latency.getCount());
        assertEquals(0, latency.getSnapshot().getMin());
        assertTrue(latency.getSnapshot().getMax() >= 2_500 && latency.getSnapshot().getMax() < 2_530,
                "HdrHistogram keeps 2 significant digits: " + latency.getSnapshot().getMax());
        assertTrue(latency.getSnapshot().getClass().getName().contains("hdrhistogram"),
                "latency is backed by the HdrHistogram reservoir: " + latency.getSnapshot().getClass());
    }

    @Test
    void theSameNodeGetsTheSameHandle() {
        TributaryMetrics metrics = TributaryMetrics.create();
        NodeMetrics first = metrics.node("t", "n");
        assertSame(first, metrics.node("t", "n"));
        assertNotSame(first, metrics.node("t", "m"));
    }

    @Test
    void metricsOffHandsOutTheNoOpAndRegistersNothing() {
        TributaryMetrics metrics = TributaryMetrics.builder().nodeMetrics(false).build();
        NodeMetrics node = metrics.node("t", "n");
        assertSame(NodeMetrics.NOOP, node);
        node.in();
        node.latency(5);
        assertTrue(metrics.registry().getNames().isEmpty());
        // names are still checked, so turning metrics on cannot turn up a bad name later
        assertThrows(IllegalArgumentException.class, () -> metrics.node("t", "a.b"));
    }

    @Test
    void aMeterRegisteredByHandUnderANodesNameIsRefusedNamingIt() {
        TributaryMetrics metrics = TributaryMetrics.create();
        metrics.registry().meter("tributary.desk.router.out");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> metrics.node("desk", "router"));
        assertTrue(e.getMessage().contains("tributary.desk.router.out"), e.getMessage());
        assertEquals(Set.of("tributary.desk.router.out"), metrics.registry().getNames(), "nothing half-registered");
    }

    @Test
    void badNamesAreRefusedNamingTheCulprit() {
        TributaryMetrics metrics = TributaryMetrics.create();
        IllegalArgumentException dot = assertThrows(IllegalArgumentException.class, () -> metrics.node("desk", "a.b"));
        assertTrue(dot.getMessage().contains("node name 'a.b'") && dot.getMessage().contains("position 1"), dot.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> metrics.node("", "n"));
        assertTrue(empty.getMessage().startsWith("topology name"), empty.getMessage());
        IllegalArgumentException star = assertThrows(IllegalArgumentException.class, () -> metrics.node("desk", "fan*"));
        assertTrue(star.getMessage().contains("'fan*'"), star.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class, () -> metrics.node("bus", "handler"));
        assertTrue(reserved.getMessage().contains("topology name 'bus' is reserved"), reserved.getMessage());
    }

    @Test
    void namesThatWouldCollideInPrometheusAreRefusedNamingBoth() {
        TributaryMetrics metrics = TributaryMetrics.create();
        metrics.node("desk", "fast-path");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> metrics.node("desk", "fast_path"));
        assertTrue(e.getMessage().contains("node 'fast_path'") && e.getMessage().contains("node 'fast-path'")
                && e.getMessage().contains("tributary_desk_fast_path"), e.getMessage());
        assertEquals(4, metrics.registry().getNames().size(), "nothing registered for the refused node");
    }

    @Test
    void sourcesAreRememberedForTheSilentVenueRule() {
        TributaryMetrics metrics = TributaryMetrics.create();
        metrics.source("arb-desk", "venues");
        metrics.node("arb-desk", "router");
        assertEquals(Set.of("tributary.arb-desk.venues.in"), metrics.sourceMeters());
    }

    @Test
    void lagAndTransportRegistrationsCanBeUndone() {
        TributaryMetrics metrics = TributaryMetrics.create();
        Registration lag = metrics.registerLag("kafka", "data.quotes", () -> 42);
        assertEquals(42L, metrics.registry().getGauges().get("tributary.transport.kafka.data.quotes.lag").getValue());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> metrics.registerLag("kafka", "data_quotes", () -> 1));
        assertTrue(clash.getMessage().contains("tributary_transport_kafka_data_quotes_lag"), clash.getMessage());
        Registration transport = metrics.registerTransport("kafka", () -> true);
        assertTrue(metrics.healthChecks().getNames().containsAll(Set.of("lag.kafka.data.quotes", "transport.kafka")));

        lag.close();
        lag.close();
        transport.close();
        assertTrue(metrics.registry().getNames().isEmpty());
        assertEquals(Set.of("plugins"), metrics.healthChecks().getNames());
        metrics.registerLag("kafka", "data_quotes", () -> 1); // the Prometheus name is free again
    }

    @Test
    void transportCountersReadThroughAndCanBeUndone() {
        TributaryMetrics metrics = TributaryMetrics.create();
        AtomicLong bridged = new AtomicLong(3);
        Registration counter = metrics.registerTransportCounter("kafka", "streams.by-venue.route-dropped", bridged::get);
        var registered = metrics.registry().getCounters().get("tributary.transport.kafka.streams.by-venue.route-dropped");
        assertEquals(3, registered.getCount());
        bridged.set(7);
        assertEquals(7, registered.getCount(), "read on each call, not copied");
        assertThrows(UnsupportedOperationException.class, registered::inc);
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> metrics.registerTransportCounter("kafka", "streams.by_venue.route_dropped", () -> 1));
        assertTrue(clash.getMessage().contains("tributary_transport_kafka_streams_by_venue_route_dropped"), clash.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> metrics.registerTransportCounter("kafka", "streams..x", () -> 1));
        assertTrue(bad.getMessage().contains("streams..x"), bad.getMessage());

        counter.close();
        assertTrue(metrics.registry().getNames().isEmpty());
        metrics.registerTransportCounter("kafka", "streams.by_venue.route_dropped", () -> 1); // the name is free again
    }

    @Test
    void transportGaugesGoUpAndDownAndClashWithCountersOfTheirName() {
        TributaryMetrics metrics = TributaryMetrics.create();
        AtomicLong waiting = new AtomicLong(5);
        Registration gauge = metrics.registerTransportGauge("kafka", "waiting", waiting::get);
        var registered = metrics.registry().getGauges().get("tributary.transport.kafka.waiting");
        assertEquals(5L, registered.getValue());
        waiting.set(0);
        assertEquals(0L, registered.getValue(), "a level, read on each call");
        assertTrue(metrics.registry().getCounters().isEmpty(), "not a counter: Prometheus would call it _total");
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> metrics.registerTransportCounter("kafka", "waiting", () -> 1));
        assertTrue(clash.getMessage().contains("kafka counter 'waiting' and kafka gauge 'waiting' would both be exported"),
                clash.getMessage());
        gauge.close();
        assertTrue(metrics.registry().getNames().isEmpty());
    }
}
