package io.tributary.plugins.sim;

import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.MarketTopics;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link SimMarket} on its own thread, paced to {@code rate} quotes per second (or flat out),
 * publishing what matches the subscribed patterns. Publishing starts at the first {@link #subscribe};
 * topics are resolved to handles once, and which instruments are published is decided per
 * subscription change, not per message.
 */
final class SimVenueAdapter implements VenueAdapter, SimListener {

    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    private static final long MIN_PARK_NANOS = 50_000L;

    private final SimSettings settings;
    private final PluginContext context;
    private final List<TopicPattern> patterns = new CopyOnWriteArrayList<>();
    private SimMarket market;
    private TopicHandle[] quoteTopics;
    private TopicHandle[] tradeTopics;
    private TopicHandle[] regimeTopics;
    private volatile boolean[] quoteOn;
    private volatile boolean[] tradeOn;
    private volatile boolean[] regimeOn;
    private Thread thread;
    private volatile boolean running;
    private volatile long quotesGenerated;

    SimVenueAdapter(SimSettings settings, PluginContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.MARKET_DATA);
    }

    @Override
    public synchronized void connect() {
        if (market != null) {
            return;
        }
        long start = settings.startNanos() != 0 ? settings.startNanos() : context.clock().nowNanos();
        SimSettings timed = settings.withStartNanos(start);
        market = new SimMarket(timed, context.clock());
        int n = market.instrumentCount();
        quoteTopics = new TopicHandle[n];
        tradeTopics = new TopicHandle[n];
        for (int i = 0; i < n; i++) {
            quoteTopics[i] = context.bus().topic(MarketTopics.quotes(market.instrument(i)));
            tradeTopics[i] = context.bus().topic(MarketTopics.trades(market.instrument(i)));
        }
        regimeTopics = new TopicHandle[settings.symbols().size()];
        for (int s = 0; s < regimeTopics.length; s++) {
            regimeTopics[s] = context.bus().topic(MarketTopics.regimes(settings.symbols().get(s)));
        }
        quoteOn = new boolean[n];
        tradeOn = new boolean[n];
        regimeOn = new boolean[regimeTopics.length];
    }

    @Override
    public synchronized void subscribe(TopicPattern topics) {
        if (market == null) {
            throw new IllegalStateException(context.componentName() + ": subscribe before connect");
        }
        patterns.add(topics);
        quoteOn = enabled(quoteTopics);
        tradeOn = enabled(tradeTopics);
        regimeOn = enabled(regimeTopics);
        if (thread == null) {
            running = true;
            thread = context.newThread("generator", this::run);
            thread.start();
        }
    }

    private boolean[] enabled(TopicHandle[] handles) {
        boolean[] on = new boolean[handles.length];
        for (int i = 0; i < handles.length; i++) {
            for (TopicPattern p : patterns) {
                if (p.matches(handles[i].topic())) {
                    on[i] = true;
                    break;
                }
            }
        }
        return on;
    }

    private void run() {
        long max = settings.maxQuotes() == 0 ? Long.MAX_VALUE : settings.maxQuotes();
        double nanosPerQuote = settings.rate() == 0 ? 0 : 1e9 / settings.rate();
        long generated = 0;
        long paceStart = System.nanoTime();
        long paceBase = 0;
        while (running && generated < max) {
            generated += market.step(this, max - generated);
            quotesGenerated = generated;
            if (nanosPerQuote > 0) {
                long due = paceStart + (long) ((generated - paceBase) * nanosPerQuote);
                long wait = due - System.nanoTime();
                if (wait > MIN_PARK_NANOS) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -MAX_LAG_NANOS) {
                    // fell far behind (paused, overloaded): catch up from now rather than burst
                    paceStart = System.nanoTime();
                    paceBase = generated;
                }
            }
        }
        context.logger().info("{} stopped after {} quotes", context.componentName(), generated);
    }

    @Override
    public void onQuote(int index, Quote quote) {
        if (quoteOn[index]) {
            quoteTopics[index].publish(quote.instrument(), quote, Priority.NORMAL);
        }
    }

    @Override
    public void onTrade(int index, Trade trade) {
        if (tradeOn[index]) {
            tradeTopics[index].publish(trade.instrument(), trade, Priority.NORMAL);
        }
    }

    @Override
    public void onRegimeChange(int symbol, RegimeChange change) {
        if (regimeOn[symbol]) {
            regimeTopics[symbol].publish(change.symbol(), change, Priority.HIGH);
        }
    }

    /** Quotes generated so far (published or not). */
    long quotesGenerated() {
        return quotesGenerated;
    }

    /** Waits for the generator to stop ({@code maxQuotes} reached or disconnected). */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return true;
        }
        t.join(timeout.toMillis());
        return !t.isAlive();
    }

    @Override
    public void disconnect() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "SimVenueAdapter[" + settings.venues() + " x " + settings.symbols() + ", seed " + settings.seed() + "]";
    }
}
