package io.tributary.plugins.sim;

import io.tributary.api.market.MarketRegime;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;
import io.tributary.plugins.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimMarketTest {

    /** Everything a market emitted, in order. */
    static final class Recorder implements SimListener {
        final List<Object> events = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final List<RegimeChange> regimes = new ArrayList<>();

        @Override
        public void onQuote(int index, Quote quote) {
            events.add(quote);
            quotes.add(quote);
        }

        @Override
        public void onTrade(int index, Trade trade) {
            events.add(trade);
            trades.add(trade);
        }

        @Override
        public void onRegimeChange(int symbol, RegimeChange change) {
            events.add(change);
            regimes.add(change);
        }
    }

    static Recorder run(SimSettings settings, int steps) {
        SimMarket market = new SimMarket(settings, new ManualClock(42));
        Recorder recorder = new Recorder();
        for (int i = 0; i < steps; i++) {
            market.step(recorder, Long.MAX_VALUE);
        }
        return recorder;
    }

    @Test
    void sameSeedSameMarket() {
        SimSettings settings = SimSettings.defaults(7).withRegimeMeanSteps(200);
        List<Object> first = run(settings, 3_000).events;
        List<Object> second = run(settings, 3_000).events;
        assertEquals(first, second);
        assertTrue(first.size() > 27_000, "9 quotes per step plus trades and regime changes");
    }

    @Test
    void differentSeedDifferentMarket() {
        assertNotEquals(run(SimSettings.defaults(1), 100).quotes, run(SimSettings.defaults(2), 100).quotes);
    }

    @Test
    void quotesAreSaneAndTimestampedWithTheVenueLatency() {
        SimSettings settings = SimSettings.defaults(3);
        SimMarket market = new SimMarket(settings, new ManualClock(42));
        Recorder r = new Recorder();
        for (int i = 0; i < 1_000; i++) {
            market.step(r, Long.MAX_VALUE);
        }
        for (int i = 0; i < r.quotes.size(); i++) {
            Quote q = r.quotes.get(i);
            assertTrue(q.bidPrice() > 0 && q.bidPrice() < q.askPrice(), q::toString);
            assertTrue(q.bidSize() > 0 && q.askSize() > 0);
            assertEquals(2, q.priceScale());
            assertEquals(42, q.tsInit());
            int step = i / 9;
            int venue = (i % 9) / 3;
            assertEquals(settings.startNanos() + step * settings.stepNanos() + market.venueLatencyNanos(venue), q.tsEvent());
        }
        assertTrue(market.venueLatencyNanos(0) != market.venueLatencyNanos(1) || market.venueLatencyNanos(1) != market.venueLatencyNanos(2));
        for (Trade t : r.trades) {
            assertTrue(t.tradeId().startsWith(t.instrument().venue() + "-"), t::toString);
        }
        assertTrue(r.trades.size() > 200 && r.trades.size() < 700, "about 5% of 9000 quotes: " + r.trades.size());
    }

    @Test
    void venuesHaveTheirOwnSpreads() {
        Recorder r = run(SimSettings.defaults(11).withRegimeMeanSteps(0), 2_000);
        double[] spreadSum = new double[3];
        for (int i = 0; i < r.quotes.size(); i++) {
            Quote q = r.quotes.get(i);
            spreadSum[(i % 9) / 3] += (double) q.spread() / q.bidPrice();
        }
        double min = Math.min(spreadSum[0], Math.min(spreadSum[1], spreadSum[2]));
        double max = Math.max(spreadSum[0], Math.max(spreadSum[1], spreadSum[2]));
        assertTrue(max / min > 1.2, "per-venue spread factors differ: " + java.util.Arrays.toString(spreadSum));
    }

    @Test
    void returnsAreCorrelatedAcrossSymbolsAsConfigured() {
        assertTrue(correlation(SimSettings.defaults(5).withCorrelation(0.8)) > 0.6);
        assertTrue(Math.abs(correlation(SimSettings.defaults(5).withCorrelation(0.0))) < 0.1);
    }

    private static double correlation(SimSettings settings) {
        SimMarket market = new SimMarket(settings.withRegimeMeanSteps(0), new ManualClock(0));
        Recorder ignore = new Recorder();
        int n = 5_000;
        double[] a = new double[n];
        double[] b = new double[n];
        double prevA = market.mid(0);
        double prevB = market.mid(1);
        for (int i = 0; i < n; i++) {
            market.step(ignore, Long.MAX_VALUE);
            a[i] = Math.log(market.mid(0) / prevA);
            b[i] = Math.log(market.mid(1) / prevB);
            prevA = market.mid(0);
            prevB = market.mid(1);
            ignore.quotes.clear();
            ignore.events.clear();
            ignore.trades.clear();
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    @Test
    void dislocationsOpenCrossVenueGaps() {
        Recorder calm = run(SimSettings.defaults(9).withDislocations(0, 0).withRegimeMeanSteps(0), 2_000);
        Recorder dislocated = run(SimSettings.defaults(9).withDislocations(0.05, 50).withRegimeMeanSteps(0), 2_000);
        assertTrue(maxCrossVenueGapBps(calm) < 15, "without dislocations venues stay within their spreads");
        assertTrue(maxCrossVenueGapBps(dislocated) > 30, "a 50 bps dislocation shows as a gap between venues");
    }

    /** Largest (best bid anywhere - best ask elsewhere) in bps: a crossed market across venues. */
    private static double maxCrossVenueGapBps(Recorder r) {
        double max = 0;
        for (int step = 0; step * 9 < r.quotes.size(); step++) {
            for (int s = 0; s < 3; s++) {
                for (int v1 = 0; v1 < 3; v1++) {
                    for (int v2 = 0; v2 < 3; v2++) {
                        Quote buyThere = r.quotes.get(step * 9 + v1 * 3 + s);
                        Quote sellHere = r.quotes.get(step * 9 + v2 * 3 + s);
                        max = Math.max(max, 10_000.0 * (sellHere.bidPrice() - buyThere.askPrice()) / buyThere.askPrice());
                    }
                }
            }
        }
        return max;
    }

    @Test
    void regimesChangeAndAreAnnounced() {
        Recorder r = run(SimSettings.defaults(13).withRegimeMeanSteps(100), 5_000);
        assertTrue(r.regimes.size() > 50, "about 3 symbols x 5000 / 100 changes: " + r.regimes.size());
        Set<MarketRegime> seen = EnumSet.noneOf(MarketRegime.class);
        MarketRegime[] current = {MarketRegime.QUIET, MarketRegime.QUIET, MarketRegime.QUIET};
        List<String> symbols = List.of("BTCUSD", "ETHUSD", "SOLUSD");
        for (RegimeChange change : r.regimes) {
            int s = symbols.indexOf(change.symbol());
            assertEquals(current[s], change.from(), "changes chain per symbol");
            assertNotEquals(change.from(), change.to());
            current[s] = change.to();
            seen.add(change.to());
        }
        assertEquals(EnumSet.allOf(MarketRegime.class), seen);
    }

    @Test
    void quoteBudgetStopsMidStep() {
        SimMarket market = new SimMarket(SimSettings.defaults(1), new ManualClock(0));
        Recorder r = new Recorder();
        assertEquals(9, market.step(r, 100));
        assertEquals(4, market.step(r, 4));
        assertEquals(13, r.quotes.size());
    }
}
