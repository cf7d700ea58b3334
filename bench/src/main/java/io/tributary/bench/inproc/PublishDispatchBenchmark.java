package io.tributary.bench.inproc;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * W1: publish → dispatch of one 64-byte payload to the one matching handler among 1,000 mixed
 * exact/wildcard subscriptions, on the publisher's thread.
 *
 * <p>Peers: Guava's EventBus (routes by event class, so the 999 others listen to another class),
 * Vert.x's local event bus (no wildcards, so the wildcard strings are registered as plain addresses;
 * it always delivers on its event loop, so its figure includes that hop: measured over batches of
 * {@value #VERTX_BATCH}, waiting for the last delivery), and a plain {@code HashMap<String, List>}
 * holding the exact topics.
 *
 * <p>The same publish with metrics on and off: {@link MetricsOverheadBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PublishDispatchBenchmark {
    static final int VERTX_BATCH = 100;

    private final byte[] payload = new byte[64];

    private LocalMessageBus bus;
    private TopicHandle handle;
    private EventBus guava;
    private QuoteEvent guavaEvent;
    private Vertx vertx;
    private io.vertx.core.eventbus.EventBus vertxBus;
    private final AtomicLong vertxReceived = new AtomicLong();
    private long vertxSent;
    /** Blackholes are not for foreign threads; Vert.x handlers run on its event loop. */
    private volatile Object vertxSink;
    private Map<String, List<Consumer<Object>>> hashMap;

    @Setup
    public void setUp(Blackhole blackhole) {
        SubscriptionSet.checkExactlyOneMatch();
        List<String> patterns = SubscriptionSet.patterns();

        bus = new LocalMessageBus(BusConfig.defaults());
        for (String pattern : patterns) {
            bus.subscribe(pattern, (Envelope<Object> m) -> blackhole.consume(m.payload()), SubscribeOptions.inline());
        }
        handle = bus.topic(SubscriptionSet.TOPIC);

        guava = new EventBus("w1");
        guava.register(new QuoteListener(blackhole));
        for (int i = 1; i < patterns.size(); i++) {
            guava.register(new OtherListener(blackhole));
        }
        guavaEvent = new QuoteEvent(SubscriptionSet.TOPIC, payload);

        vertx = Vertx.vertx();
        vertxBus = vertx.eventBus();
        vertxBus.registerDefaultCodec(Payload.class, new LocalOnlyCodec());
        for (String pattern : patterns) {
            vertxBus.<Payload>localConsumer(pattern, m -> {
                vertxSink = m.body();
                vertxReceived.lazySet(vertxReceived.get() + 1);
            });
        }

        hashMap = new HashMap<>();
        for (String pattern : patterns) {
            if (SubscriptionSet.isExact(pattern)) {
                hashMap.computeIfAbsent(pattern, p -> new ArrayList<>()).add(blackhole::consume);
            }
        }
        checkEveryPeerDeliversOnce();
    }

    /** A peer that silently delivers nothing would look infinitely fast: prove one delivery each. */
    private void checkEveryPeerDeliversOnce() {
        int[] seen = new int[1];
        var probe = bus.subscribe(SubscriptionSet.TOPIC, m -> seen[0]++, SubscribeOptions.inline());
        handle.publish(null, payload, Priority.NORMAL);
        bus.publish(SubscriptionSet.TOPIC, payload);
        probe.close();
        if (seen[0] != 2) {
            throw new IllegalStateException("Tributary delivered " + seen[0] + " of 2 probe messages");
        }
        if (hashMap.getOrDefault(SubscriptionSet.TOPIC, List.of()).size() != 1) {
            throw new IllegalStateException("HashMap peer has no handler for " + SubscriptionSet.TOPIC);
        }
        vertxBus.publish(SubscriptionSet.TOPIC, new Payload(payload));
        vertxSent = 1;
        awaitVertx();
    }

    private void awaitVertx() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (vertxReceived.get() < vertxSent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Vert.x delivered " + vertxReceived.get() + " of " + vertxSent);
            }
            Thread.onSpinWait();
        }
    }

    @TearDown
    public void tearDown() {
        bus.close();
        vertx.close();
    }

    @Benchmark
    public boolean tributaryHandle() {
        return handle.publish(null, payload, Priority.NORMAL);
    }

    @Benchmark
    public boolean tributaryTopic() {
        return bus.publish(SubscriptionSet.TOPIC, payload);
    }

    @Benchmark
    public void hashMap() {
        List<Consumer<Object>> handlers = hashMap.get(SubscriptionSet.TOPIC);
        if (handlers != null) {
            for (int i = 0; i < handlers.size(); i++) {
                handlers.get(i).accept(payload);
            }
        }
    }

    @Benchmark
    public void guava() {
        guava.post(guavaEvent);
    }

    @Benchmark
    @OperationsPerInvocation(VERTX_BATCH)
    public void vertx() {
        Payload body = new Payload(payload);
        for (int i = 0; i < VERTX_BATCH; i++) {
            vertxBus.publish(SubscriptionSet.TOPIC, body);
        }
        vertxSent += VERTX_BATCH;
        awaitVertx();
    }

    /** Guava routes by class: the event the one matching listener takes. */
    public record QuoteEvent(String topic, byte[] payload) {
    }

    /** The class the 999 non-matching Guava listeners take. */
    public record OtherEvent(String topic) {
    }

    public static final class QuoteListener {
        private final Blackhole blackhole;

        QuoteListener(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Subscribe
        public void on(QuoteEvent event) {
            blackhole.consume(event.payload());
        }
    }

    public static final class OtherListener {
        private final Blackhole blackhole;

        OtherListener(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Subscribe
        public void on(OtherEvent event) {
            blackhole.consume(event);
        }
    }

    /** Vert.x copies byte[] bodies for local delivery; a pass-through codec keeps the comparison fair. */
    public record Payload(byte[] bytes) {
    }

    static final class LocalOnlyCodec implements MessageCodec<Payload, Payload> {
        @Override
        public void encodeToWire(Buffer buffer, Payload payload) {
            throw new UnsupportedOperationException("local delivery only");
        }

        @Override
        public Payload decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("local delivery only");
        }

        @Override
        public Payload transform(Payload payload) {
            return payload;
        }

        @Override
        public String name() {
            return "w1-local";
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
