package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Split;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.Quote;
import io.tributary.topologies.model.Quotes;

import java.time.Duration;

/**
 * Quotes from the venues ({@code venue-sim}) fan out two ways: every tradable quote to strategies on
 * HIGH, keyed by symbol; and, per venue, the latest quote per symbol every 250 ms to screens on LOW,
 * where conflation keeps the UI current without it ever competing with trading traffic.
 */
public final class MarketDataFanout implements TopologyDefinition {
    /** How often screens get the latest quote of each symbol. */
    public static final Duration UI_INTERVAL = Duration.ofMillis(250);

    @Override
    public String name() {
        return "market-data-fanout";
    }

    @Override
    public String description() {
        return "quotes by venue: conflated to screens on LOW, tradable ones to strategies on HIGH";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        addTo(quotes(t));
        return t.build();
    }

    /** The quotes of every venue and symbol of {@link DeskVenues#SIM}. */
    static Stream<Quote> quotes(TopologyBuilder t) {
        return t.source(Named.as("quotes"), DeskVenues.SIM).subscribe("data.quotes.*.*");
    }

    static void addTo(Stream<Quote> quotes) {
        quotes.filter(Quotes::isTradable, Named.as("tradable"))
                .keyBy(Quotes::symbol, Named.as("quote-by-symbol"))
                .lane(Priority.HIGH, Named.as("strategy-lane"))
                .to("strategy.quotes", Named.as("to-strategies"));

        Split<Quote> byVenue = quotes.split(Named.as("by-venue"))
                .branch("binance", q -> "BINANCE".equals(Quotes.venue(q)))
                .branch("coinbase", q -> "COINBASE".equals(Quotes.venue(q)))
                .defaultBranch("other");
        byVenue.branches().forEach((venue, stream) -> stream
                .conflate(Quotes::symbol, UI_INTERVAL, Named.as("latest-" + venue))
                .lane(Priority.LOW, Named.as("ui-lane-" + venue))
                .to("ui.quotes." + venue, Named.as("ui-" + venue)));
    }
}
