package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Split;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.dsl.Venue;
import io.tributary.topologies.model.Quote;

import java.time.Duration;

/**
 * Quotes from the venues fan out two ways: every tradable quote to strategies on HIGH, keyed by
 * symbol; and, per venue, the latest quote per symbol every 250 ms to screens on LOW, where
 * conflation keeps the UI current without it ever competing with trading traffic.
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
        addTo(t);
        return t.build();
    }

    static void addTo(TopologyBuilder t) {
        Stream<Quote> quotes = t.source(Named.as("quotes"), Venue.ref("sim")).subscribe("data.quotes.*.*");

        quotes.filter(Quote::isTradable, Named.as("tradable"))
                .keyBy(Quote::symbol, Named.as("quote-by-symbol"))
                .lane(Priority.HIGH, Named.as("strategy-lane"))
                .to("strategy.quotes", Named.as("to-strategies"));

        Split<Quote> byVenue = quotes.split(Named.as("by-venue"))
                .branch("binance", q -> "BINANCE".equals(q.venue()))
                .branch("coinbase", q -> "COINBASE".equals(q.venue()))
                .defaultBranch("other");
        byVenue.branches().forEach((venue, stream) -> stream
                .conflate(Quote::symbol, UI_INTERVAL, Named.as("latest-" + venue))
                .lane(Priority.LOW, Named.as("ui-lane-" + venue))
                .to("ui.quotes." + venue, Named.as("ui-" + venue)));
    }
}
