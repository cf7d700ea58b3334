package io.tributary.plugins.sim;

import io.tributary.api.EpochClock;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;

/**
 * A quick single-core throughput check of the generator (not a test, not a benchmark of record:
 * the JMH benchmark is {@code io.tributary.bench.plugins.VenueSimBenchmark}). Run with
 * {@code java -cp ... io.tributary.plugins.sim.SimThroughputMain [seconds]}.
 */
public final class SimThroughputMain {

    private SimThroughputMain() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        SimMarket market = new SimMarket(SimSettings.defaults(1), EpochClock.SYSTEM);
        long[] sink = new long[1];
        SimListener listener = new SimListener() {
            @Override
            public void onQuote(int index, Quote quote) {
                sink[0] += quote.bidPrice();
            }

            @Override
            public void onTrade(int index, Trade trade) {
                sink[0] += trade.price();
            }

            @Override
            public void onRegimeChange(int symbol, RegimeChange change) {
                sink[0]++;
            }
        };
        for (int i = 0; i < 200_000; i++) {
            market.step(listener, Long.MAX_VALUE);
        }
        long quotes = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                quotes += market.step(listener, Long.MAX_VALUE);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,.0f quotes/s on one thread (%d quotes in %.2f s, checksum %d)%n",
                quotes / elapsed, quotes, elapsed, sink[0]);
    }
}
