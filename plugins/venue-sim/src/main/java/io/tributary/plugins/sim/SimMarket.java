package io.tributary.plugins.sim;

import io.tributary.api.EpochClock;
import io.tributary.api.market.AggressorSide;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.MarketRegime;
import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;

import java.util.SplittableRandom;

/**
 * The simulated market, single-threaded and deterministic: the same settings and seed give the same
 * quotes, trades and regime changes, in the same order (timestamps included when the clock is fixed).
 *
 * <p>Each {@link #step} advances simulated time by {@code stepNanos} and:
 * <ol>
 *   <li>may switch a symbol's regime (mean length {@code regimeMeanSteps});</li>
 *   <li>moves every symbol's true mid by a log return {@code drift + vol × (ρ·common + √(1-ρ²)·own)}:
 *       one common Gaussian factor gives the cross-symbol correlation ρ; the regime sets vol, drift,
 *       and mean reversion;</li>
 *   <li>may dislocate one venue's price of one symbol by {@code dislocationBps}, decaying with a
 *       half-life of {@code dislocationHalfLifeSteps} (cross-venue arbitrage to find);</li>
 *   <li>quotes every instrument: the venue's mid ± half its spread (per-venue spread factor,
 *       widened in volatile regimes), rounded outwards to the price scale; {@code tsEvent} is the step
 *       time plus the venue's fixed latency offset;</li>
 *   <li>prints a trade at the touch with probability {@code tradeProbability} per quote.</li>
 * </ol>
 * Apart from the quote and trade records themselves (and a trade's id), a step allocates nothing.
 */
final class SimMarket {

    private static final MarketRegime[] REGIMES = MarketRegime.values();

    private final SimSettings settings;
    private final EpochClock clock;
    private final SplittableRandom random;
    private final int venues;
    private final int symbols;
    private final InstrumentId[] instruments;
    private final String[] venueTradePrefix;
    private final double[] mid;
    private final double[] anchorLog;
    private final MarketRegime[] regime;
    private final double[] trend;
    private final double[] venueSpreadFactor;
    private final long[] venueLatency;
    private final double[] dislocation;
    private final double dislocationDecay;
    private final double switchProbability;
    private final double ownWeight;
    private final double pricePow;
    private final long sizeUnit;
    private long step;
    private long tradeSequence;

    SimMarket(SimSettings settings, EpochClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.random = new SplittableRandom(settings.seed());
        this.venues = settings.venues().size();
        this.symbols = settings.symbols().size();
        this.instruments = new InstrumentId[venues * symbols];
        this.venueTradePrefix = new String[venues];
        for (int v = 0; v < venues; v++) {
            venueTradePrefix[v] = settings.venues().get(v) + "-";
            for (int s = 0; s < symbols; s++) {
                instruments[v * symbols + s] = new InstrumentId(settings.venues().get(v), settings.symbols().get(s));
            }
        }
        this.mid = settings.initialPrices().clone();
        this.anchorLog = new double[symbols];
        this.regime = new MarketRegime[symbols];
        this.trend = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            anchorLog[s] = Math.log(mid[s]);
            regime[s] = MarketRegime.QUIET;
        }
        this.venueSpreadFactor = new double[venues];
        this.venueLatency = new long[venues];
        for (int v = 0; v < venues; v++) {
            venueSpreadFactor[v] = 0.5 + 1.5 * random.nextDouble();
            venueLatency[v] = settings.maxLatencyNanos() == 0 ? 0 : random.nextLong(settings.maxLatencyNanos() + 1);
        }
        this.dislocation = new double[venues * symbols];
        this.dislocationDecay = Math.pow(0.5, 1.0 / Math.max(1, settings.dislocationHalfLifeSteps()));
        this.switchProbability = settings.regimeMeanSteps() <= 0 ? 0 : 1.0 / settings.regimeMeanSteps();
        this.ownWeight = Math.sqrt(1 - settings.correlation() * settings.correlation());
        this.pricePow = Decimal.pow10(settings.priceScale());
        this.sizeUnit = Decimal.pow10(settings.sizeScale());
    }

    int instrumentCount() {
        return instruments.length;
    }

    InstrumentId instrument(int index) {
        return instruments[index];
    }

    /** The true (venue-independent) mid of a symbol, a measurement for tests. */
    double mid(int symbol) {
        return mid[symbol];
    }

    MarketRegime regime(int symbol) {
        return regime[symbol];
    }

    long venueLatencyNanos(int venue) {
        return venueLatency[venue];
    }

    long steps() {
        return step;
    }

    /**
     * Advances one step and emits at most {@code quoteBudget} quotes (trades and regime changes do
     * not count).
     *
     * @return the number of quotes emitted
     */
    int step(SimListener out, long quoteBudget) {
        long time = settings.startNanos() + step * settings.stepNanos();
        step++;
        moveMids(out, time);
        maybeDislocate();
        int emitted = 0;
        for (int v = 0; v < venues; v++) {
            for (int s = 0; s < symbols; s++) {
                if (emitted >= quoteBudget) {
                    return emitted;
                }
                quote(out, v, s, time);
                emitted++;
            }
        }
        return emitted;
    }

    private void moveMids(SimListener out, long time) {
        double common = random.nextGaussian();
        double base = settings.volatility();
        for (int s = 0; s < symbols; s++) {
            if (switchProbability > 0 && random.nextDouble() < switchProbability) {
                switchRegime(out, s, time);
            }
            double z = settings.correlation() * common + ownWeight * random.nextGaussian();
            double logReturn;
            switch (regime[s]) {
                case TRENDING:
                    logReturn = trend[s] + 1.5 * base * z;
                    break;
                case MEAN_REVERTING:
                    logReturn = 0.02 * (anchorLog[s] - Math.log(mid[s])) + base * z;
                    break;
                case VOLATILE:
                    logReturn = 4 * base * z;
                    break;
                default:
                    logReturn = base * z;
                    break;
            }
            mid[s] *= Math.exp(logReturn);
        }
    }

    private void switchRegime(SimListener out, int s, long time) {
        MarketRegime from = regime[s];
        MarketRegime to = REGIMES[(from.ordinal() + 1 + random.nextInt(REGIMES.length - 1)) % REGIMES.length];
        regime[s] = to;
        trend[s] = (random.nextBoolean() ? 0.3 : -0.3) * settings.volatility();
        anchorLog[s] = Math.log(mid[s]);
        out.onRegimeChange(s, new RegimeChange(settings.symbols().get(s), from, to, time));
    }

    private void maybeDislocate() {
        for (int i = 0; i < dislocation.length; i++) {
            double d = dislocation[i];
            if (d != 0) {
                d *= dislocationDecay;
                dislocation[i] = Math.abs(d) < 1e-7 ? 0 : d;
            }
        }
        if (settings.dislocationProbability() > 0 && random.nextDouble() < settings.dislocationProbability()) {
            int i = random.nextInt(dislocation.length);
            dislocation[i] = (random.nextBoolean() ? 1 : -1) * settings.dislocationBps() / 10_000.0;
        }
    }

    private void quote(SimListener out, int v, int s, long time) {
        int index = v * symbols + s;
        double venueMid = mid[s] * (1 + dislocation[index]);
        double spreadFactor = regime[s] == MarketRegime.VOLATILE ? 3 : regime[s] == MarketRegime.TRENDING ? 1.2 : 1;
        double half = venueMid * settings.spreadBps() * venueSpreadFactor[v] * spreadFactor / 20_000.0;
        long bid = (long) Math.floor((venueMid - half) * pricePow);
        long ask = (long) Math.ceil((venueMid + half) * pricePow);
        if (bid < 1) {
            bid = 1;
        }
        if (ask <= bid) {
            ask = bid + 1;
        }
        long bidLots = 1 + random.nextInt(100);
        long askLots = 1 + random.nextInt(100);
        long tsEvent = time + venueLatency[v];
        InstrumentId instrument = instruments[index];
        out.onQuote(index, new Quote(instrument, bid, ask, bidLots * sizeUnit, askLots * sizeUnit,
                settings.priceScale(), settings.sizeScale(), tsEvent, clock.nowNanos()));
        if (settings.tradeProbability() > 0 && random.nextDouble() < settings.tradeProbability()) {
            boolean buyer = random.nextBoolean();
            long lots = 1 + random.nextInt((int) (buyer ? askLots : bidLots));
            out.onTrade(index, new Trade(instrument, buyer ? ask : bid, lots * sizeUnit, settings.priceScale(),
                    settings.sizeScale(), buyer ? AggressorSide.BUYER : AggressorSide.SELLER,
                    venueTradePrefix[v] + (++tradeSequence), tsEvent, clock.nowNanos()));
        }
    }
}
