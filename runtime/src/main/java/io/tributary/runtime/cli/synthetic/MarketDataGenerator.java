package io.tributary.runtime.cli.synthetic;

import io.tributary.api.dsl.MarketDataFactory;
import io.tributary.runtime.config.SyntheticSourceSettings;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic stream of quotes, trades and orders: each symbol's mid price walks by one
 * tick at a time, venues quote around it with small offsets and spreads, trades print at the touch,
 * and about one order in ten breaks the example risk limits (too large or an unknown symbol). Not
 * thread-safe: one feed thread owns it.
 */
final class MarketDataGenerator {
    static final int SCALE = 2;
    private static final String[] ACCOUNTS = {"acc-1", "acc-2", "acc-3", "acc-4"};

    /** What the generator made: where to publish it and under which key. */
    interface Sink {
        void quote(int venue, int symbol, Object payload);

        void trade(int venue, int symbol, Object payload);

        void order(int account, Object payload);
    }

    private final MarketDataFactory factory;
    private final List<String> venues;
    private final List<String> symbols;
    private final int tradesPercent;
    private final int ordersPercent;
    private final SplittableRandom random;
    private final long[] mid;
    private long nextOrderId = 1;

    MarketDataGenerator(SyntheticSourceSettings settings, MarketDataFactory factory) {
        this.factory = factory;
        this.venues = settings.venues();
        this.symbols = settings.symbols();
        this.tradesPercent = settings.tradesPercent();
        this.ordersPercent = settings.ordersPercent();
        this.random = new SplittableRandom(settings.seed());
        this.mid = new long[symbols.size()];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = startingMid(symbols.get(i));
        }
    }

    static int accountCount() {
        return ACCOUNTS.length;
    }

    static String account(int index) {
        return ACCOUNTS[index];
    }

    /** Mid prices in cents: familiar levels for the usual symbols, 100.00 otherwise. */
    private static long startingMid(String symbol) {
        if (symbol.startsWith("BTC")) {
            return 6_500_000;
        }
        if (symbol.startsWith("ETH")) {
            return 350_000;
        }
        if (symbol.startsWith("SOL")) {
            return 15_000;
        }
        return 10_000;
    }

    /** Makes one message and hands it to {@code sink}. */
    void next(long nowNanos, Sink sink) {
        int roll = random.nextInt(100);
        int symbol = random.nextInt(symbols.size());
        int venue = random.nextInt(venues.size());
        mid[symbol] = Math.max(100, mid[symbol] + random.nextInt(3) - 1);
        long eventTime = nowNanos - random.nextLong(2_000_000); // venues report a little in the past
        if (roll < ordersPercent) {
            int account = random.nextInt(ACCOUNTS.length);
            sink.order(account, order(account, venue, symbol, nowNanos));
        } else if (roll < ordersPercent + tradesPercent) {
            boolean buyer = random.nextBoolean();
            long price = mid[symbol] + (buyer ? 1 : -1);
            sink.trade(venue, symbol, factory.trade(venues.get(venue), symbols.get(symbol), price,
                    1 + random.nextInt(100), SCALE, buyer, eventTime));
        } else {
            long offset = venue - venues.size() / 2;
            long halfSpread = 1 + random.nextInt(3);
            long bid = mid[symbol] + offset - halfSpread;
            sink.quote(venue, symbol, factory.quote(venues.get(venue), symbols.get(symbol), bid, bid + 2 * halfSpread,
                    1 + random.nextInt(50), 1 + random.nextInt(50), SCALE, eventTime));
        }
    }

    private Object order(int account, int venue, int symbol, long nowNanos) {
        boolean breaksLimits = random.nextInt(10) == 0;
        String name = breaksLimits && random.nextBoolean() ? "XYZUSDT" : symbols.get(symbol);
        long quantity = breaksLimits ? 5_000 : 1 + random.nextInt(10);
        boolean buy = random.nextBoolean();
        return factory.order(nextOrderId++, ACCOUNTS[account], venues.get(venue), name, buy,
                mid[symbol] + (buy ? -5 : 5), quantity, SCALE, nowNanos);
    }
}
