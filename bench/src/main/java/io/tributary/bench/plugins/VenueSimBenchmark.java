package io.tributary.bench.plugins;

import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.Quote;
import io.tributary.api.spi.ComponentKind;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.runtime.plugin.LoadedPlugins;
import io.tributary.runtime.plugin.PluginManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Quotes per second that the {@code sim} venue generates and hands to the bus, on its one generator
 * thread, loaded the way a run loads it: from the packaged plugin in {@code plugins-dist} through
 * {@link PluginManager} (the benchmark does not depend on the plugin module, so the plugin keeps its
 * own class loader). The bus here only counts, so this is the generator's cost plus one
 * {@link TopicHandle#publish} call per message; target: at least 1M quotes/s.
 *
 * <pre>
 * mvn -pl api,runtime,plugins,bench -am package -DskipTests
 * java -cp bench/target/tributary-bench.jar:bench/target/lib/* org.openjdk.jmh.Main VenueSimBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VenueSimBenchmark {

    static final int QUOTES = 500_000;

    private LoadedPlugins plugins;

    @Setup
    public void load() {
        plugins = PluginManager.loadDefault();
        if (plugins.find(ComponentKind.VENUE, "sim").isEmpty()) {
            throw new IllegalStateException("venue 'sim' is not in " + plugins.directory()
                    + " (build it with 'mvn package'); load errors: " + plugins.errors());
        }
    }

    @TearDown
    public void close() {
        plugins.close();
    }

    @Benchmark
    @OperationsPerInvocation(QUOTES)
    public long generateAndPublish() throws Exception {
        CountingBus bus = new CountingBus(QUOTES);
        VenueAdapter sim = plugins.createVenue("sim", Map.of("rate", 0, "maxQuotes", QUOTES, "seed", 1),
                bus, EpochClock.SYSTEM);
        sim.connect();
        sim.subscribe(TopicPattern.parse("data.**"));
        if (!bus.done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sim published only " + bus.quotes + " quotes in 60 s");
        }
        sim.disconnect();
        return bus.messages;
    }

    /** Counts what is published (one publishing thread: the generator); no delivery. */
    static final class CountingBus implements MessageBus {
        final CountDownLatch done = new CountDownLatch(1);
        final long target;
        long quotes;
        long messages;

        CountingBus(long target) {
            this.target = target;
        }

        @Override
        public TopicHandle topic(String topic) {
            return new TopicHandle() {
                @Override
                public String topic() {
                    return topic;
                }

                @Override
                public boolean publish(Object key, Object payload, Priority priority) {
                    return count(payload);
                }

                @Override
                public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
                    return count(payload);
                }
            };
        }

        boolean count(Object payload) {
            messages++;
            if (payload instanceof Quote && ++quotes == target) {
                done.countDown();
            }
            return true;
        }

        @Override
        public boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
            return count(payload);
        }

        @Override
        public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unsubscribe(Subscription subscription) {
        }

        @Override
        public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean send(String endpoint, Object key, Object payload, Priority priority) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
