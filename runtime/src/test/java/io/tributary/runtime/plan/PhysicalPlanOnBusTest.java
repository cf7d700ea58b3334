package io.tributary.runtime.plan;

import io.tributary.api.Envelope;
import io.tributary.api.Message;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.Windowed;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A compiled plan on the real bus: pooled workers, lanes, keys, a repartition and the live timer. */
class PhysicalPlanOnBusTest {
    private final TopologyCompiler compiler = new TopologyCompiler(PluginCatalog.empty(), Duration.ofMillis(5));

    record Fill(String account, int seq) {
    }

    private static Queue<Message<Object>> collect(LocalMessageBus bus, String pattern) {
        Queue<Message<Object>> seen = new ConcurrentLinkedQueue<>();
        MessageHandler<Object> handler = (Envelope<Object> m) -> seen.add(m.copy());
        bus.subscribe(pattern, handler, SubscribeOptions.inline());
        return seen;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void fusedStagePublishesWithTheStreamKeyOnItsLaneAndKeepsPerKeyOrder() {
        TopologyBuilder t = new TopologyBuilder("fills");
        t.<Fill>stream("fills.*").filter(f -> f.seq() >= 0).keyBy(Fill::account).lane(Priority.CRITICAL).to("fills.out.all");
        PhysicalPlan plan = compiler.compile(t.build());
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            Queue<Message<Object>> out = collect(bus, "fills.out.all");
            plan.start(bus);
            int perAccount = 2_000;
            for (int i = 0; i < perAccount; i++) {
                for (String account : List.of("a", "b", "c")) {
                    bus.publish("fills." + account, account, new Fill(account, i), Priority.NORMAL);
                }
            }
            await(() -> out.size() == 3 * perAccount, "every fill");
            plan.stop();
            assertTrue(out.stream().allMatch(m -> m.priority() == Priority.CRITICAL), "published on the stream's lane");
            Map<Object, List<Integer>> byKey = out.stream().collect(Collectors.groupingBy(Message::key,
                    Collectors.mapping(m -> ((Fill) m.payload()).seq(), Collectors.toList())));
            for (String account : List.of("a", "b", "c")) {
                List<Integer> seqs = byKey.get(account);
                List<Integer> sorted = new ArrayList<>(seqs);
                sorted.sort(Integer::compare);
                assertEquals(sorted, seqs, "per-key order of " + account);
            }
        }
    }

    @Test
    void windowsBehindARepartitionCloseOnTheLiveTimer() {
        TopologyBuilder t = new TopologyBuilder("counts");
        t.<Fill>stream("fills.*").keyBy(Fill::account)
                // grace: a 2-core CI machine under load can hold the repartitioned fills back for
                // well over 50 ms, which would (rightly) count them late; closing on the timer is the point here
                .windowedBy(TimeWindows.tumbling(Duration.ofMillis(50)).grace(Duration.ofSeconds(1)))
                .count(Named.as("per-account")).lane(Priority.HIGH).to("counts.fills");
        PhysicalPlan plan = compiler.compile(t.build());
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            Queue<Message<Object>> out = collect(bus, "counts.fills");
            plan.start(bus);
            for (int i = 0; i < 100; i++) {
                bus.publish("fills." + (i % 2 == 0 ? "x" : "y"), null, new Fill(i % 2 == 0 ? "x" : "y", i), Priority.NORMAL);
            }
            try {
                await(() -> out.stream().mapToLong(m -> (Long) ((Windowed<?>) m.payload()).value()).sum() == 100,
                        "windows holding all 100 fills to close without further input");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; counted " + out.stream().mapToLong(m -> (Long) ((Windowed<?>) m.payload()).value()).sum()
                        + " in " + out.size() + " windows; plan counters " + plan.counters(), e);
            }
            plan.stop();
            assertTrue(out.stream().allMatch(m -> m.priority() == Priority.HIGH));
            assertTrue(out.stream().allMatch(m -> m.key().equals(((Windowed<?>) m.payload()).key())), "keyed by the window key");
            assertEquals(0L, plan.counters().get("per-account.late"));
        }
    }

    @Test
    void aPlanRunsOnceAndStopUnsubscribes() {
        TopologyBuilder t = new TopologyBuilder("once");
        t.stream("in").to("out");
        PhysicalPlan plan = compiler.compile(t.build());
        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            int before = bus.subscriptionCount();
            plan.start(bus);
            assertTrue(plan.isRunning());
            assertEquals(before + 1, bus.subscriptionCount());
            assertThrows(IllegalStateException.class, () -> plan.start(bus));
            plan.stop();
            plan.stop();
            assertEquals(before, bus.subscriptionCount());
            assertThrows(IllegalStateException.class, () -> plan.start(bus));
        }
    }
}
