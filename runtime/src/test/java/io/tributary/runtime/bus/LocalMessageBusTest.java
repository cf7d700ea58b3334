package io.tributary.runtime.bus;

import io.tributary.api.DeadLetter;
import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.InvalidPatternException;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalMessageBusTest {
    private static final long WAIT_SECONDS = 10;

    private final LocalMessageBus bus = LocalMessageBus.withDefaults();

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void inlineDeliveryRunsOnThePublisherThreadBeforePublishReturns() {
        List<String> seen = new ArrayList<>();
        Thread publisher = Thread.currentThread();
        bus.subscribe("data.quotes.*.BTC*", (Envelope<String> m) -> {
            assertEquals(publisher, Thread.currentThread());
            seen.add(m.topic() + "=" + m.payload());
        }, SubscribeOptions.inline());

        bus.publish("data.quotes.BINANCE.BTCUSDT", "1");
        bus.publish("data.quotes.BINANCE.ETHUSDT", "2");
        bus.publish("data.quotes.KRAKEN.BTCEUR", "3");

        assertEquals(List.of("data.quotes.BINANCE.BTCUSDT=1", "data.quotes.KRAKEN.BTCEUR=3"), seen);
    }

    @Test
    void pooledDeliveryCarriesEveryEnvelopeField() throws Exception {
        BlockingQueue<Message<Object>> received = new LinkedBlockingQueue<>();
        bus.subscribe("orders.**", (Envelope<Object> m) -> received.add(m.copy()));

        long before = System.currentTimeMillis() * 1_000_000L;
        bus.publish("orders.new.BINANCE", "K1", "payload", Priority.CRITICAL, Headers.of("desk", "arb"));

        Message<Object> m = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(m, "pooled subscriber never received the message");
        assertEquals("orders.new.BINANCE", m.topic());
        assertEquals("K1", m.key());
        assertEquals("payload", m.payload());
        assertEquals(Priority.CRITICAL, m.priority());
        assertEquals("arb", m.headers().get("desk"));
        assertTrue(m.publishTimeNanos() >= before - 1_000_000_000L, "publish time is epoch nanoseconds");
    }

    @Test
    void messageIdsAreUniqueAcrossThreads() throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe("ids", (Envelope<Object> m) -> ids.add(m.id()), SubscribeOptions.inline());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    bus.publish("ids", i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(20_000, ids.size());
        assertEquals(20_000, ids.stream().distinct().count());
    }

    @Test
    void oneHandleSharedByThreadsGivesEachItsOwnEnvelopeAndNestedPublishesTheirs() throws Exception {
        TopicHandle handle = bus.topic("shared.handle");
        List<String> wrong = new CopyOnWriteArrayList<>();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe("shared.handle", (Envelope<Object> m) -> {
            String payload = (String) m.payload();
            ids.add(m.id());
            if (!payload.startsWith(Thread.currentThread().getName() + "/")) {
                wrong.add(payload + " seen on " + Thread.currentThread().getName());
            }
            if (payload.endsWith("/outer")) {
                // the handle's owner thread (whichever it is) nests a publish on the same handle
                handle.publish(null, Thread.currentThread().getName() + "/inner", Priority.NORMAL);
                if (!payload.equals(m.payload())) {
                    wrong.add("outer envelope now holds " + m.payload());
                }
            }
        }, SubscribeOptions.inline());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                String me = Thread.currentThread().getName();
                for (int i = 0; i < 5_000; i++) {
                    handle.publish(null, me + "/" + (i % 100 == 0 ? "outer" : Integer.toString(i)), Priority.NORMAL);
                }
            }, "publisher-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), wrong);
        assertEquals(4 * (5_000 + 50), ids.size());
        assertEquals(ids.size(), ids.stream().distinct().count(), "ids unique across the threads sharing the handle");
    }

    @Test
    void topicHandleSeesSubscriptionsMadeAfterItWasResolved() {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        TopicHandle handle = bus.topic("signals.momentum.BTC");
        bus.subscribe("signals.**", (Envelope<Object> m) -> first.add(m.payload()), SubscribeOptions.inline());
        handle.publish(1);
        Subscription late = bus.subscribe("signals.*.BTC", (Envelope<Object> m) -> second.add(m.payload()),
                SubscribeOptions.inline());
        handle.publish(2);
        late.close();
        handle.publish(3);

        assertEquals(List.of(1, 2, 3), first);
        assertEquals(List.of(2), second);
        assertFalse(late.isActive());
    }

    @Test
    void invalidTopicAndPatternAreRejectedWithTheirPosition() {
        InvalidPatternException badPattern = assertThrows(InvalidPatternException.class,
                () -> bus.subscribe("data..BINANCE", m -> { }));
        assertEquals(5, badPattern.position());
        assertTrue(badPattern.getMessage().contains("data..BINANCE"), badPattern.getMessage());

        InvalidPatternException badTopic = assertThrows(InvalidPatternException.class,
                () -> bus.publish("data.quotes.*", "x"));
        assertEquals(12, badTopic.position());
    }

    @Test
    void nautilusSyntaxMatchesAcrossDots() {
        List<String> seen = new ArrayList<>();
        bus.subscribe("data.*BINANCE*", (Envelope<Object> m) -> seen.add(m.topic()),
                SubscribeOptions.inline().syntax(TopicPattern.Syntax.NAUTILUS));
        bus.publish("data.quotes.BINANCE.BTCUSDT", 1);
        bus.publish("data.quotes.KRAKEN.BTCUSD", 2);
        assertEquals(List.of("data.quotes.BINANCE.BTCUSDT"), seen);
    }

    @Test
    void failingHandlerIsDeadLetteredAndDoesNotStopOthersOrLaterMessages() throws Exception {
        BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();
        BlockingQueue<Object> healthy = new LinkedBlockingQueue<>();
        BlockingQueue<Object> flaky = new LinkedBlockingQueue<>();
        bus.subscribe(bus.deadLetterTopic(), (Envelope<DeadLetter> m) -> deadLetters.add(m.payload()));
        bus.subscribe("fills.*", (Envelope<Object> m) -> healthy.add(m.payload()));
        bus.subscribe("fills.*", (Envelope<Integer> m) -> {
            if (m.payload() == 2) {
                throw new IllegalStateException("cannot book fill 2");
            }
            flaky.add(m.payload());
        }, SubscribeOptions.pooled().named("booking"));

        for (int i = 1; i <= 3; i++) {
            bus.publish("fills.BTC", i);
        }

        DeadLetter dead = deadLetters.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(dead, "no dead letter published");
        assertEquals("booking", dead.subscriber());
        assertEquals(2, dead.message().payload());
        assertEquals("fills.BTC", dead.message().topic());
        assertInstanceOf(IllegalStateException.class, dead.error());
        assertEquals(List.of(1, 2, 3), drain(healthy, 3));
        assertEquals(List.of(1, 3), drain(flaky, 2));
        assertEquals(1, bus.handlerErrors());
        assertEquals(1, bus.deadLetters());
    }

    @Test
    void endpointsDeliverEachMessageToExactlyOneHandlerRoundRobin() throws Exception {
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        bus.register("exec.paper", (Envelope<String> m) -> a.add(m.payload()), SubscribeOptions.inline());
        bus.register("exec.paper", (Envelope<String> m) -> b.add(m.payload()), SubscribeOptions.inline());
        for (int i = 0; i < 10; i++) {
            bus.send("exec.paper", "o" + i);
        }
        assertEquals(5, a.size());
        assertEquals(5, b.size());
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        Collections.sort(all);
        assertEquals(List.of("o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9"), all);

        IllegalStateException none = assertThrows(IllegalStateException.class, () -> bus.send("exec.live", "x"));
        assertTrue(none.getMessage().contains("exec.live"), none.getMessage());
    }

    @Test
    void requestGetsTheReplyOrTimesOutOrFailsWithTheHandlersError() throws Exception {
        bus.serve("risk.check", (Envelope<Integer> req) -> req.payload() <= 100, SubscribeOptions.pooled());
        bus.serve("risk.slow", (Envelope<Integer> req) -> {
            Thread.sleep(2_000);
            return true;
        }, SubscribeOptions.pooled().lane(Priority.LOW));
        bus.serve("risk.broken", (Envelope<Integer> req) -> {
            throw new IllegalArgumentException("no limits for desk");
        }, SubscribeOptions.pooled());

        CompletableFuture<Boolean> small = bus.request("risk.check", 50, Duration.ofSeconds(WAIT_SECONDS));
        CompletableFuture<Boolean> large = bus.request("risk.check", 500, Duration.ofSeconds(WAIT_SECONDS));
        assertTrue(small.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(large.get(WAIT_SECONDS, TimeUnit.SECONDS));

        CompletableFuture<Boolean> slow = bus.request("risk.slow", 1, Duration.ofMillis(50));
        ExecutionException timedOut = assertThrows(ExecutionException.class, () -> slow.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, timedOut.getCause());

        CompletableFuture<Boolean> broken = bus.request("risk.broken", 1, Duration.ofSeconds(WAIT_SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> broken.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, failed.getCause());

        CompletableFuture<Object> nobody = bus.request("risk.none", 1, Duration.ofSeconds(1));
        ExecutionException unserved = assertThrows(ExecutionException.class, () -> nobody.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, unserved.getCause());
    }

    @Test
    void publishAfterCloseIsRefused() {
        bus.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bus.publish("a.b", 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void handlerMayKeepACopyButNotTheReusedEnvelope() {
        List<Envelope<Object>> kept = new ArrayList<>();
        List<Message<Object>> copies = new ArrayList<>();
        bus.subscribe("t", (Envelope<Object> m) -> {
            kept.add(m);
            copies.add(m.copy());
        }, SubscribeOptions.inline());
        bus.publish("t", "first");
        bus.publish("t", "second");
        assertEquals(List.of("first", "second"), copies.stream().map(Message::payload).toList());
        assertNotEquals(copies.get(0).id(), copies.get(1).id());
        assertNull(kept.get(0).payload(), "the reused envelope is cleared after delivery");
    }

    private static List<Object> drain(BlockingQueue<Object> queue, int expected) throws InterruptedException {
        List<Object> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (out.size() < expected && System.nanoTime() < deadline) {
            Object next = queue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                out.add(next);
            }
        }
        Object extra = queue.poll(50, TimeUnit.MILLISECONDS);
        if (extra != null) {
            out.add(extra);
        }
        return out;
    }
}
