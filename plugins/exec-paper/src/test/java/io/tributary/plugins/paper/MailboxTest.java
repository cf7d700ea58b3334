package io.tributary.plugins.paper;

import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Side;
import io.tributary.plugins.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxTest {

    @Test
    void handlesEveryItemOnceAndNeverTwoAtATime() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> handled = new ArrayList<>();
        Mailbox<Integer> mailbox = new Mailbox<>(i -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            handled.add(i);
            inside.decrementAndGet();
        }, (i, e) -> { });
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    mailbox.submit(base + i);
                }
            });
            worker.start();
            workers.add(worker);
        }
        go.countDown();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (Thread w : workers) {
                w.join();
            }
        });
        assertEquals(0, overlaps.get());
        synchronized (handled) {
            assertEquals(threads * perThread, handled.size());
            assertEquals(threads * perThread, new java.util.HashSet<>(handled).size());
        }
    }

    @Test
    void concurrentOrdersEachGetAcceptedThenFilledExactlyOnce() {
        InstrumentId btc = InstrumentId.of("SIMA", "BTCUSD");
        Map<String, List<String>> byOrder = new HashMap<>();
        PaperExchange exchange = new PaperExchange(Set.of("SIMA"), 1000, new ManualClock(0), (venue, event) ->
                byOrder.computeIfAbsent(event.clientOrderId(), k -> new ArrayList<>()).add(event.getClass().getSimpleName()));
        Mailbox<OrderCommand> mailbox = new Mailbox<>(exchange::onCommand, (c, e) -> { });
        exchange.updateQuote(new Quote(btc, 10000, 10010, 1, 1, 2, 0, 0, 0));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    mailbox.submit(OrderCommand.Submit.market("t" + thread + "-" + i, btc, Side.BUY, Decimal.parse("1")));
                }
            }));
        }
        workers.forEach(Thread::start);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (Thread w : workers) {
                w.join();
            }
        });
        assertEquals(8_000, byOrder.size());
        assertTrue(byOrder.values().stream().allMatch(e -> e.equals(List.of("Accepted", "Filled"))));
        assertEquals(0, exchange.workingOrders());
    }
}
