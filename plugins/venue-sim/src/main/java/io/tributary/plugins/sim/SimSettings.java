package io.tributary.plugins.sim;

import java.util.List;

/**
 * Validated settings of one simulated market (see {@link SimVenueFactory} for the meaning of each).
 */
record SimSettings(List<String> venues, List<String> symbols, double[] initialPrices, int priceScale, int sizeScale,
                   long seed, long rate, long maxQuotes, double tradeProbability, double correlation,
                   double volatility, double spreadBps, long maxLatencyNanos, double dislocationProbability,
                   double dislocationBps, int dislocationHalfLifeSteps, long regimeMeanSteps, long stepNanos,
                   long startNanos) {

    SimSettings {
        venues = List.copyOf(venues);
        symbols = List.copyOf(symbols);
        initialPrices = initialPrices.clone();
    }

    /** Defaults for tests and benchmarks: 3 venues x 3 symbols. */
    static SimSettings defaults(long seed) {
        return new SimSettings(List.of("SIMA", "SIMB", "SIMC"), List.of("BTCUSD", "ETHUSD", "SOLUSD"),
                new double[] {100, 100, 100}, 2, 4, seed, 0, 0, 0.05, 0.6, 0.0001, 2.0, 2_000_000L, 0.0005, 25.0,
                200, 5_000, 1_000_000L, 1_700_000_000_000_000_000L);
    }

    SimSettings withMaxQuotes(long value) {
        return new SimSettings(venues, symbols, initialPrices, priceScale, sizeScale, seed, rate, value,
                tradeProbability, correlation, volatility, spreadBps, maxLatencyNanos, dislocationProbability,
                dislocationBps, dislocationHalfLifeSteps, regimeMeanSteps, stepNanos, startNanos);
    }

    SimSettings withStartNanos(long value) {
        return new SimSettings(venues, symbols, initialPrices, priceScale, sizeScale, seed, rate, maxQuotes,
                tradeProbability, correlation, volatility, spreadBps, maxLatencyNanos, dislocationProbability,
                dislocationBps, dislocationHalfLifeSteps, regimeMeanSteps, stepNanos, value);
    }

    SimSettings withCorrelation(double value) {
        return new SimSettings(venues, symbols, initialPrices, priceScale, sizeScale, seed, rate, maxQuotes,
                tradeProbability, value, volatility, spreadBps, maxLatencyNanos, dislocationProbability,
                dislocationBps, dislocationHalfLifeSteps, regimeMeanSteps, stepNanos, startNanos);
    }

    SimSettings withDislocations(double probability, double bps) {
        return new SimSettings(venues, symbols, initialPrices, priceScale, sizeScale, seed, rate, maxQuotes,
                tradeProbability, correlation, volatility, spreadBps, maxLatencyNanos, probability,
                bps, dislocationHalfLifeSteps, regimeMeanSteps, stepNanos, startNanos);
    }

    SimSettings withRegimeMeanSteps(long value) {
        return new SimSettings(venues, symbols, initialPrices, priceScale, sizeScale, seed, rate, maxQuotes,
                tradeProbability, correlation, volatility, spreadBps, maxLatencyNanos, dislocationProbability,
                dislocationBps, dislocationHalfLifeSteps, value, stepNanos, startNanos);
    }
}
