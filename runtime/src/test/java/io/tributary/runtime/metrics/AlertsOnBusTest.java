package io.tributary.runtime.metrics;

import io.tributary.api.Envelope;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.runtime.exec.LaneStats;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertSeverity;
import io.tributary.schemas.AlertState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default "drops on HIGH" rule against real drops in a {@link LocalMessageBus}: raised, then
 * resolved, under a hand-driven clock, and received by a bus subscriber on {@code alerts.critical}.
 */
@Timeout(60)
class AlertsOnBusTest {
    private final ManualClock clock = new ManualClock();
    private final ExecutorConfig executor = ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2)
            .laneCapacity(Priority.HIGH, 2).overflowPolicy(Priority.HIGH, OverflowPolicy.DROP_OLDEST).build();
    private final LocalMessageBus bus = new LocalMessageBus(BusConfig.builder().executor(executor).build());

    private record Received(String topic, Alert alert) {
    }

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void dropsOnHighRaiseACriticalAlertOnTheBusAndItResolvesWhenTheyStop() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).laneStatsTtl(Duration.ZERO).build();
        metrics.bind(bus);
        List<Received> received = new ArrayList<>();
        bus.subscribe("alerts.*", (Envelope<Alert> m) -> received.add(new Received(m.topic(), m.payload())),
                SubscribeOptions.inline());
        AlertEvaluator alerts = AlertEvaluator.builder(metrics.registry(), bus).clock(clock)
                .rules(DefaultAlertRules.forExecutor(executor).build()).build();

        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe("orders.**", (Envelope<Integer> m) -> {
            if (m.payload() == 0) {
                entered.countDown();
                release.await();
            }
        }, SubscribeOptions.pooled().lane(Priority.HIGH));

        assertEquals(List.of(), alerts.evaluate());
        bus.publish("orders.new", null, 0, Priority.HIGH);
        assertTrue(entered.await(15, TimeUnit.SECONDS));
        for (int i = 1; i <= 20; i++) {
            bus.publish("orders.new", null, i, Priority.HIGH);
        }
        assertTrue(bus.executor().laneStats(Priority.HIGH).dropped() > 0);

        clock.advance(Duration.ofSeconds(1));
        alerts.evaluate();
        assertEquals(1, received.size(), "exactly one alert: " + received);
        Received raised = received.get(0);
        assertEquals("alerts.critical", raised.topic());
        assertEquals(AlertState.RAISED, raised.alert().getState());
        assertEquals(AlertSeverity.CRITICAL, raised.alert().getSeverity());
        assertEquals("drops-high", raised.alert().getRule());
        assertEquals("tributary.lane.high.dropped", raised.alert().getMetric());
        long dropped = bus.executor().laneStats(Priority.HIGH).dropped();
        assertEquals(dropped, raised.alert().getValue(), 1e-9, "drops per second over the 1 s since the last look");

        release.countDown();
        Await.until(() -> {
            LaneStats s = bus.executor().laneStats(Priority.HIGH);
            return s.depth() == 0 && s.delivered() + s.dropped() == 21;
        }, () -> bus.executor().laneStats(Priority.HIGH).toString());
        clock.advance(Duration.ofSeconds(1));
        alerts.evaluate();
        assertEquals(2, received.size(), "then exactly one more: " + received);
        Received resolved = received.get(1);
        assertEquals("alerts.critical", resolved.topic());
        assertEquals(AlertState.RESOLVED, resolved.alert().getState());
        assertEquals(raised.alert().getAlertId(), resolved.alert().getAlertId());
    }
}
