package io.tributary.plugins.paper;

import io.tributary.api.market.InstrumentId;
import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;

import java.util.List;

/** Venue {@code paper}: see {@link PaperExchange} for the rules and {@link PaperVenueAdapter} for the topics. */
public final class PaperVenueFactory implements VenueAdapterFactory {

    static final ConfigKey<List<String>> VENUES = ConfigKey.ofStringList("venues")
            .defaultValue(List.of("SIMA", "SIMB", "SIMC")).check(l -> !l.isEmpty(), "must name at least one venue")
            .description("venues whose execution is simulated (fills use their quotes)");
    static final ConfigKey<Double> MAX_DEVIATION_BPS = ConfigKey.ofDouble("maxDeviationBps").defaultValue(1_000.0)
            .check(v -> v > 0, "must be > 0").description("reject limit prices further than this from the mid");

    @Override
    public String description() {
        return "simulated execution on the CRITICAL lane: accepts, rejects, fills at the top of book, cancels";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(VENUES, MAX_DEVIATION_BPS);
    }

    @Override
    public VenueAdapter create(ComponentConfig config, PluginContext context) {
        List<String> venues = config.get(VENUES);
        for (String venue : venues) {
            try {
                new InstrumentId(venue, "X");
            } catch (IllegalArgumentException e) {
                throw config.problem(VENUES, e.getMessage());
            }
        }
        return new PaperVenueAdapter(venues, config.get(MAX_DEVIATION_BPS), context);
    }
}
