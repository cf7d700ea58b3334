package io.tributary.runtime.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertSeverity;
import io.tributary.schemas.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule semantics under a hand-driven clock; no bus (alerts are only returned and logged). */
class AlertEvaluatorTest {
    private final ManualClock clock = new ManualClock();
    private final MetricRegistry registry = new MetricRegistry();

    private AlertEvaluator evaluator(AlertRule... rules) {
        return AlertEvaluator.builder(registry, null).clock(clock).rules(List.of(rules)).build();
    }

    private void tick(Duration d) {
        clock.advance(d);
    }

    @Test
    void aThresholdRuleWaitsOutItsForDurationThenRaisesAndResolvesOnce() {
        AtomicLong wait = new AtomicLong();
        registry.register("tributary.lane.normal.wait.current", (Gauge<Long>) wait::get);
        AlertEvaluator alerts = evaluator(AlertRule.builder("lane-wait-normal")
                .metric("tributary.lane.normal.wait.current").above(20_000_000).forDuration(Duration.ofSeconds(5))
                .severity(AlertSeverity.WARNING).build());

        assertEquals(List.of(), alerts.evaluate());
        wait.set(50_000_000);
        assertEquals(List.of(), alerts.evaluate(), "pending, not raised: the for duration has not passed");
        tick(Duration.ofSeconds(4));
        assertEquals(List.of(), alerts.evaluate());
        tick(Duration.ofSeconds(1));
        List<Alert> raised = alerts.evaluate();
        assertEquals(1, raised.size());
        Alert r = raised.get(0);
        assertEquals(AlertState.RAISED, r.getState());
        assertEquals(AlertSeverity.WARNING, r.getSeverity());
        assertEquals("lane-wait-normal", r.getRule());
        assertEquals("tributary.lane.normal.wait.current", r.getMetric());
        assertEquals(50_000_000, r.getValue());
        assertEquals(20_000_000, r.getThreshold());
        assertEquals(clock.nowNanos(), r.getTsEvent());
        assertTrue(r.getMessage().contains("50000000 > 20000000 for PT5S"), r.getMessage());
        assertEquals(List.of("lane-wait-normal tributary.lane.normal.wait.current"), alerts.active());

        tick(Duration.ofSeconds(1));
        assertEquals(List.of(), alerts.evaluate(), "still over: no second RAISED");
        wait.set(1_000);
        tick(Duration.ofSeconds(1));
        List<Alert> resolved = alerts.evaluate();
        assertEquals(1, resolved.size());
        assertEquals(AlertState.RESOLVED, resolved.get(0).getState());
        assertEquals(r.getAlertId(), resolved.get(0).getAlertId(), "one episode, one id");
        assertEquals(1_000, resolved.get(0).getValue());
        assertEquals(List.of(), alerts.active());
    }

    @Test
    void aBlipShorterThanTheForDurationRaisesNothing() {
        AtomicLong v = new AtomicLong();
        registry.register("g", (Gauge<Long>) v::get);
        AlertEvaluator alerts = evaluator(AlertRule.builder("r").metric("g").above(10).forDuration(Duration.ofSeconds(3)).build());
        v.set(11);
        alerts.evaluate();
        tick(Duration.ofSeconds(2));
        v.set(5);
        assertEquals(List.of(), alerts.evaluate());
        v.set(11);
        tick(Duration.ofSeconds(2));
        assertEquals(List.of(), alerts.evaluate(), "the pending clock restarted when the value came back");
        tick(Duration.ofSeconds(3));
        assertEquals(AlertState.RAISED, alerts.evaluate().get(0).getState());
    }

    @Test
    void comparisonsAtTheThreshold() {
        AtomicLong v = new AtomicLong(10);
        registry.register("g", (Gauge<Long>) v::get);
        AlertEvaluator alerts = evaluator(
                AlertRule.builder("gt").metric("g").when(AlertCondition.GT, 10).build(),
                AlertRule.builder("ge").metric("g").when(AlertCondition.GE, 10).build(),
                AlertRule.builder("lt").metric("g").when(AlertCondition.LT, 10).build(),
                AlertRule.builder("le").metric("g").when(AlertCondition.LE, 10).build());
        assertEquals(List.of("ge", "le"), alerts.evaluate().stream().map(Alert::getRule).toList());
    }

    @Test
    void rateAboveZeroFiresWhenACounterMovesBetweenEvaluations() {
        Counter dropped = registry.counter("tributary.lane.high.dropped");
        AlertEvaluator alerts = evaluator(AlertRule.builder("drops-high").metric("tributary.lane.high.dropped")
                .stat(AlertStat.RATE).above(0).severity(AlertSeverity.CRITICAL).build());

        dropped.inc(100); // drops before the first look are history, not a rate
        assertEquals(List.of(), alerts.evaluate());
        tick(Duration.ofSeconds(2));
        dropped.inc(6);
        List<Alert> raised = alerts.evaluate();
        assertEquals(1, raised.size());
        assertEquals(3.0, raised.get(0).getValue(), 1e-9, "6 drops in 2 s");
        assertEquals(AlertSeverity.CRITICAL, raised.get(0).getSeverity());
        tick(Duration.ofSeconds(1));
        List<Alert> resolved = alerts.evaluate();
        assertEquals(AlertState.RESOLVED, resolved.get(0).getState());
        assertEquals(0.0, resolved.get(0).getValue());
    }

    @Test
    void aMeterThatStandsStillIsASilentVenue() {
        Meter venue = registry.meter("tributary.arb-desk.venues.in");
        AlertEvaluator alerts = evaluator(AlertRule.builder("silent-venues").metric("tributary.arb-desk.venues.in")
                .unchangedFor(Duration.ofSeconds(30)).build());
        venue.mark();
        alerts.evaluate();
        for (int i = 0; i < 5; i++) {
            tick(Duration.ofSeconds(5));
            venue.mark();
            assertEquals(List.of(), alerts.evaluate(), "the venue is talking");
        }
        tick(Duration.ofSeconds(29));
        assertEquals(List.of(), alerts.evaluate());
        tick(Duration.ofSeconds(1));
        List<Alert> raised = alerts.evaluate();
        assertEquals(AlertState.RAISED, raised.get(0).getState());
        assertEquals(30.0, raised.get(0).getValue(), "seconds without a change");
        assertEquals(30.0, raised.get(0).getThreshold());
        assertTrue(raised.get(0).getMessage().contains("has not changed for 30s"), raised.get(0).getMessage());
        tick(Duration.ofSeconds(1));
        venue.mark();
        assertEquals(AlertState.RESOLVED, alerts.evaluate().get(0).getState());
    }

    @Test
    void aPatternRuleKeepsOneAlertPerMatchingMetric() {
        Counter high = registry.counter("tributary.lane.high.dropped");
        Counter low = registry.counter("tributary.lane.low.dropped");
        registry.counter("tributary.lane.low.rejected").inc(5);
        AlertEvaluator alerts = evaluator(AlertRule.builder("drops").metric("tributary.lane.*.dropped")
                .stat(AlertStat.RATE).above(0).build());
        alerts.evaluate();
        tick(Duration.ofSeconds(1));
        high.inc();
        low.inc();
        List<Alert> raised = alerts.evaluate();
        assertEquals(List.of("tributary.lane.high.dropped", "tributary.lane.low.dropped"),
                raised.stream().map(Alert::getMetric).toList());
        assertNotEquals(raised.get(0).getAlertId(), raised.get(1).getAlertId());
        tick(Duration.ofSeconds(1));
        high.inc();
        List<Alert> resolved = alerts.evaluate();
        assertEquals(List.of("tributary.lane.low.dropped"), resolved.stream().map(Alert::getMetric).toList());
    }

    @Test
    void aMetricThatGoesAwayResolvesItsAlert() {
        registry.register("tributary.transport.kafka.quotes.lag", (Gauge<Long>) () -> 50_000L);
        AlertEvaluator alerts = evaluator(AlertRule.builder("lag").metric("tributary.transport.*.**.lag").above(10_000).build());
        Alert raised = alerts.evaluate().get(0);
        registry.remove("tributary.transport.kafka.quotes.lag");
        tick(Duration.ofSeconds(1));
        Alert resolved = alerts.evaluate().get(0);
        assertEquals(AlertState.RESOLVED, resolved.getState());
        assertEquals(raised.getAlertId(), resolved.getAlertId());
        assertTrue(resolved.getMessage().contains("no longer registered"), resolved.getMessage());
    }

    @Test
    void replacingARuleResolvesWhatTheOldOneRaisedAndDisabledRulesAreIgnored() {
        registry.register("g", (Gauge<Long>) () -> 7L);
        AlertEvaluator alerts = evaluator(AlertRule.builder("r").metric("g").above(5).build(),
                AlertRule.builder("off").metric("g").above(0).enabled(false).build());
        assertEquals(List.of("r"), alerts.rules().stream().map(AlertRule::name).toList());
        assertEquals(AlertState.RAISED, alerts.evaluate().get(0).getState());
        alerts.addRule(AlertRule.builder("r").metric("g").above(100).build());
        assertEquals(List.of(), alerts.active());
        assertEquals(List.of(), alerts.evaluate());
    }

    @Test
    void metricsWithoutTheStatGiveNoDataAndNoAlert() {
        registry.register("text", (Gauge<String>) () -> "up");
        registry.counter("c").inc(3);
        AlertEvaluator alerts = evaluator(AlertRule.builder("p99-of-gauge").metric("text").stat(AlertStat.P99).above(0).build(),
                AlertRule.builder("text-value").metric("text").above(0).build(),
                AlertRule.builder("count").metric("c").stat(AlertStat.COUNT).above(2).build());
        assertEquals(List.of("count"), alerts.evaluate().stream().map(Alert::getRule).toList());
    }
}
