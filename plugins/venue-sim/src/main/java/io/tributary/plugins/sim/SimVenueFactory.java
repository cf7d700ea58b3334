package io.tributary.plugins.sim;

import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;

import java.time.Duration;
import java.util.List;

/** Venue {@code sim}: synthetic market data, see {@link SimMarket} for the model. */
public final class SimVenueFactory implements VenueAdapterFactory {

    static final ConfigKey<List<String>> VENUES = ConfigKey.ofStringList("venues")
            .defaultValue(List.of("SIMA", "SIMB", "SIMC")).check(l -> !l.isEmpty(), "must name at least one venue")
            .description("venue codes to simulate");
    static final ConfigKey<List<String>> SYMBOLS = ConfigKey.ofStringList("symbols")
            .defaultValue(List.of("BTCUSD", "ETHUSD", "SOLUSD")).check(l -> !l.isEmpty(), "must name at least one symbol")
            .description("symbols quoted on every venue");
    static final ConfigKey<List<String>> PRICES = ConfigKey.ofStringList("prices").defaultValue(List.of())
            .description("initial mid per symbol (default 100 each)");
    static final ConfigKey<Integer> PRICE_SCALE = ConfigKey.ofInt("priceScale").defaultValue(2)
            .check(v -> v >= 0 && v <= 9, "must be 0..9").description("decimal places of prices");
    static final ConfigKey<Integer> SIZE_SCALE = ConfigKey.ofInt("sizeScale").defaultValue(4)
            .check(v -> v >= 0 && v <= 9, "must be 0..9").description("decimal places of sizes");
    static final ConfigKey<Long> SEED = ConfigKey.ofLong("seed").defaultValue(1L)
            .description("random seed: same seed, same market");
    static final ConfigKey<Long> RATE = ConfigKey.ofLong("rate").defaultValue(10_000L).check(v -> v >= 0, "must be >= 0")
            .description("quotes per second over all instruments; 0 = as fast as possible");
    static final ConfigKey<Long> MAX_QUOTES = ConfigKey.ofLong("maxQuotes").defaultValue(0L)
            .check(v -> v >= 0, "must be >= 0").description("stop after this many quotes; 0 = never");
    static final ConfigKey<Double> TRADE_PROBABILITY = ConfigKey.ofDouble("tradeProbability").defaultValue(0.05)
            .check(p -> p >= 0 && p <= 1, "must be 0..1").description("chance of a trade after each quote");
    static final ConfigKey<Double> CORRELATION = ConfigKey.ofDouble("correlation").defaultValue(0.6)
            .check(p -> p >= 0 && p <= 1, "must be 0..1").description("correlation of returns across symbols");
    static final ConfigKey<Double> VOLATILITY = ConfigKey.ofDouble("volatility").defaultValue(0.0001)
            .check(p -> p > 0 && p < 0.1, "must be > 0 and < 0.1").description("std dev of a step's log return (quiet regime)");
    static final ConfigKey<Double> SPREAD_BPS = ConfigKey.ofDouble("spreadBps").defaultValue(2.0)
            .check(p -> p > 0, "must be > 0").description("typical spread; each venue gets 0.5x..2x of it");
    static final ConfigKey<Duration> MAX_LATENCY = ConfigKey.ofDuration("maxLatency").defaultValue(Duration.ofMillis(2))
            .check(d -> !d.isNegative(), "must not be negative").description("each venue's fixed tsEvent offset is 0..this");
    static final ConfigKey<Double> DISLOCATION_PROBABILITY = ConfigKey.ofDouble("dislocationProbability")
            .defaultValue(0.0005).check(p -> p >= 0 && p <= 1, "must be 0..1")
            .description("chance per step that one venue's price jumps away");
    static final ConfigKey<Double> DISLOCATION_BPS = ConfigKey.ofDouble("dislocationBps").defaultValue(25.0)
            .check(p -> p >= 0, "must be >= 0").description("size of a dislocation");
    static final ConfigKey<Integer> DISLOCATION_HALF_LIFE = ConfigKey.ofInt("dislocationHalfLife").defaultValue(200)
            .check(p -> p > 0, "must be > 0").description("steps for a dislocation to halve");
    static final ConfigKey<Long> REGIME_MEAN_STEPS = ConfigKey.ofLong("regimeMeanSteps").defaultValue(5_000L)
            .check(p -> p >= 0, "must be >= 0").description("mean steps between regime changes; 0 = never");
    static final ConfigKey<Duration> STEP_INTERVAL = ConfigKey.ofDuration("stepInterval").defaultValue(Duration.ofMillis(1))
            .check(d -> !d.isNegative() && !d.isZero(), "must be positive")
            .description("simulated time per step (every instrument quotes once per step)");
    static final ConfigKey<Long> START_TIME = ConfigKey.ofLong("startTime").defaultValue(0L)
            .description("simulated start, ns since epoch; 0 = the clock at connect");

    @Override
    public String description() {
        return "synthetic market data: correlated random walks, per-venue spread/latency, dislocations, regimes";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(VENUES, SYMBOLS, PRICES, PRICE_SCALE, SIZE_SCALE, SEED, RATE, MAX_QUOTES,
                TRADE_PROBABILITY, CORRELATION, VOLATILITY, SPREAD_BPS, MAX_LATENCY, DISLOCATION_PROBABILITY,
                DISLOCATION_BPS, DISLOCATION_HALF_LIFE, REGIME_MEAN_STEPS, STEP_INTERVAL, START_TIME);
    }

    @Override
    public VenueAdapter create(ComponentConfig config, PluginContext context) {
        return new SimVenueAdapter(settings(config), context);
    }

    static SimSettings settings(ComponentConfig config) {
        List<String> venues = config.get(VENUES);
        List<String> symbols = config.get(SYMBOLS);
        checkSegments(config, VENUES, venues, true);
        checkSegments(config, SYMBOLS, symbols, false);
        double[] prices = new double[symbols.size()];
        List<String> given = config.get(PRICES);
        if (!given.isEmpty() && given.size() != symbols.size()) {
            throw config.problem(PRICES, "needs one price per symbol (" + symbols.size() + "), got " + given.size());
        }
        for (int i = 0; i < prices.length; i++) {
            if (given.isEmpty()) {
                prices[i] = 100;
                continue;
            }
            try {
                prices[i] = Decimal.parse(given.get(i)).toDouble();
            } catch (NumberFormatException e) {
                throw config.problem(PRICES, "item " + i + ": " + e.getMessage());
            }
            if (prices[i] <= 0) {
                throw config.problem(PRICES, "item " + i + ": price must be positive, got " + given.get(i));
            }
        }
        return new SimSettings(venues, symbols, prices, config.get(PRICE_SCALE), config.get(SIZE_SCALE),
                config.get(SEED), config.get(RATE), config.get(MAX_QUOTES), config.get(TRADE_PROBABILITY),
                config.get(CORRELATION), config.get(VOLATILITY), config.get(SPREAD_BPS), config.get(MAX_LATENCY).toNanos(),
                config.get(DISLOCATION_PROBABILITY), config.get(DISLOCATION_BPS), config.get(DISLOCATION_HALF_LIFE),
                config.get(REGIME_MEAN_STEPS), config.get(STEP_INTERVAL).toNanos(), config.get(START_TIME));
    }

    private static void checkSegments(ComponentConfig config, ConfigKey<List<String>> key, List<String> values,
                                      boolean venue) {
        if (values.stream().distinct().count() != values.size()) {
            throw config.problem(key, "names must be unique, got " + values);
        }
        for (String value : values) {
            try {
                if (venue) {
                    new InstrumentId(value, "X");
                } else {
                    new InstrumentId("X", value);
                }
            } catch (IllegalArgumentException e) {
                throw config.problem(key, e.getMessage());
            }
        }
    }
}
