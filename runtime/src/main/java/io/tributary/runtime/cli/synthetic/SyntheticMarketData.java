package io.tributary.runtime.cli.synthetic;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;
import io.tributary.api.dsl.MarketDataFactory;
import io.tributary.runtime.config.SyntheticSourceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in market-data feed of {@code tributary run} (the venue {@code sim}): one thread
 * publishes seeded quotes, trades and orders to the bus at the configured rate, on
 * {@code data.quotes.<VENUE>.<SYMBOL>}, {@code data.trades.<VENUE>.<SYMBOL>} (key: symbol) and
 * {@code orders.new.<account>} (key: account). Topics are resolved once; payloads come from the
 * desk's {@link MarketDataFactory} when one is on the class path.
 */
public final class SyntheticMarketData implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMarketData.class);
    private static final long TICK_NANOS = 1_000_000L;

    private final SyntheticSourceSettings settings;
    private final EpochClock clock;
    private final MarketDataGenerator generator;
    private final TopicHandle[][] quoteTopics;
    private final TopicHandle[][] tradeTopics;
    private final TopicHandle[] orderTopics;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final MarketDataGenerator.Sink sink = new PublishingSink();
    private volatile boolean running;
    private Thread thread;

    public SyntheticMarketData(MessageBus bus, SyntheticSourceSettings settings, MarketDataFactory factory,
                               EpochClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.generator = new MarketDataGenerator(settings, factory);
        int venues = settings.venues().size();
        int symbols = settings.symbols().size();
        quoteTopics = new TopicHandle[venues][symbols];
        tradeTopics = new TopicHandle[venues][symbols];
        for (int v = 0; v < venues; v++) {
            for (int s = 0; s < symbols; s++) {
                String suffix = settings.venues().get(v) + "." + settings.symbols().get(s);
                quoteTopics[v][s] = bus.topic("data.quotes." + suffix);
                tradeTopics[v][s] = bus.topic("data.trades." + suffix);
            }
        }
        orderTopics = new TopicHandle[MarketDataGenerator.accountCount()];
        for (int a = 0; a < orderTopics.length; a++) {
            orderTopics[a] = bus.topic("orders.new." + MarketDataGenerator.account(a));
        }
    }

    /** The desk's payload factory from the class path, or plain records when there is none. */
    public static MarketDataFactory discoverFactory(ClassLoader loader) {
        return ServiceLoader.load(MarketDataFactory.class, loader).findFirst().orElseGet(PlainMarketData::new);
    }

    /** Starts the feed thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("synthetic feed already started");
        }
        running = true;
        thread = new Thread(this::run, "tributary-synthetic-feed");
        thread.setDaemon(true);
        thread.start();
        LOG.debug("synthetic feed started at {} msg/s", settings.rate());
    }

    /** Publishes {@code count} messages on the calling thread (tests, warm-up). */
    public void publish(int count) {
        for (int i = 0; i < count; i++) {
            generator.next(clock.nowNanos(), sink);
        }
    }

    private void run() {
        double perTick = settings.rate() * (TICK_NANOS / 1e9);
        double credit = 0;
        long next = System.nanoTime();
        try {
            while (running) {
                credit += perTick;
                int n = (int) credit;
                credit -= n;
                publish(n);
                next += TICK_NANOS;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                } else if (sleep < -100 * TICK_NANOS) {
                    next = System.nanoTime(); // fell far behind (GC, overload): do not burst to catch up
                }
            }
        } catch (IllegalStateException e) {
            // the bus closed under us: the run is ending
            LOG.debug("synthetic feed stopped: {}", e.getMessage());
        }
    }

    public long published() {
        return published.get();
    }

    /** Messages a lane refused (REJECT policy, or BLOCK that timed out). */
    public long rejected() {
        return rejected.get();
    }

    /** Stops the feed thread and waits for it. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class PublishingSink implements MarketDataGenerator.Sink {
        @Override
        public void quote(int venue, int symbol, Object payload) {
            count(quoteTopics[venue][symbol].publish(settings.symbols().get(symbol), payload, Priority.NORMAL));
        }

        @Override
        public void trade(int venue, int symbol, Object payload) {
            count(tradeTopics[venue][symbol].publish(settings.symbols().get(symbol), payload, Priority.NORMAL));
        }

        @Override
        public void order(int account, Object payload) {
            count(orderTopics[account].publish(MarketDataGenerator.account(account), payload, Priority.HIGH));
        }

        private void count(boolean accepted) {
            published.incrementAndGet();
            if (!accepted) {
                rejected.incrementAndGet();
            }
        }
    }
}
