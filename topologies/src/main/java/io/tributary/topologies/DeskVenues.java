package io.tributary.topologies;

import io.tributary.api.dsl.Venue;
import io.tributary.api.graph.PluginRef;

import java.util.List;
import java.util.Map;

/**
 * The market data of the example desks: the {@code venue-sim} plugin, configured with three
 * crypto venues and symbols at realistic prices. Every example names this one reference, so a desk
 * that reads quotes and trades runs one simulated market.
 */
public final class DeskVenues {
    /** Venue codes the simulation quotes. */
    public static final List<String> VENUES = List.of("BINANCE", "COINBASE", "KRAKEN");
    /** Symbols quoted on every venue. */
    public static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    /** {@code venue:sim} with the desk's venues, symbols and starting prices. */
    public static final PluginRef SIM = Venue.ref("sim", Map.of(
            "venues", VENUES,
            "symbols", SYMBOLS,
            "prices", List.of("42000", "2500", "150")));

    private DeskVenues() {
    }
}
