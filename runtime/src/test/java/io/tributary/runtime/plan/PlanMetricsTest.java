package io.tributary.runtime.plan;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.metrics.TributaryMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan started with metrics meters every stage under the topology's and the stage's names. */
class PlanMetricsTest {

    @Test
    void stageMetersCountInOutAndErrorsExactly() throws Exception {
        TopologyBuilder t = new TopologyBuilder("desk");
        t.<Integer>stream("ticks.*").map(i -> {
            if (i % 10 == 0) {
                throw new IllegalStateException("tick " + i + " is bad");
            }
            return i;
        }).filter(i -> i % 2 == 0).to("even.ticks");
        PhysicalPlan plan = new TopologyCompiler(PluginCatalog.empty(), Duration.ofMillis(5)).compile(t.build());
        // a metrics clock that moves 1 ms per read: to the latency sampler every message arrives
        // long after the previous sample, so it records them all and the count is exact
        AtomicLong slowClock = new AtomicLong(EpochClock.SYSTEM.nowNanos());
        try (LocalMessageBus bus = LocalMessageBus.withDefaults();
             TributaryMetrics metrics = TributaryMetrics.builder().clock(() -> slowClock.addAndGet(1_000_000)).build()) {
            AtomicInteger even = new AtomicInteger();
            bus.subscribe("even.ticks", (MessageHandler<Object>) (Envelope<Object> m) -> even.incrementAndGet(),
                    SubscribeOptions.inline());
            plan.start(bus, metrics);
            for (int i = 1; i <= 100; i++) {
                bus.publish("ticks.a", "k", i, Priority.NORMAL);
            }
            String stage = plan.stages().get(0).name();
            Meter in = metrics.registry().meter("tributary.desk." + stage + ".in");
            Meter out = metrics.registry().meter("tributary.desk." + stage + ".out");
            Meter errors = metrics.registry().meter("tributary.desk." + stage + ".errors");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // the bus counts a dead letter after the stage's error meter saw the throw: wait for both
            while ((out.getCount() + errors.getCount() < 100 || bus.deadLetters() < 10 || even.get() < 40)
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            plan.stop();

            assertEquals(100, in.getCount(), "every message taken by the stage");
            assertEquals(10, errors.getCount(), "every tenth tick threw");
            assertEquals(90, out.getCount(), "the others finished the stage");
            assertEquals(40, even.get(), "50 even ticks, less the 10 multiples of ten that threw");
            assertEquals(10, bus.deadLetters(), "failures are still dead-lettered");
            Histogram latency = metrics.registry().getHistograms().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("tributary.desk." + stage + "."))
                    .map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
            assertEquals(100, latency.getCount(), "a slow stage has the latency of every message recorded");
        }
    }
}
