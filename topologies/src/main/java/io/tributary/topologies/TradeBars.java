package io.tributary.topologies;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.Trade;
import io.tributary.topologies.model.Bar;

import java.time.Duration;

/**
 * Trades from every venue ({@code venue-sim}) become one-second OHLCV bars per symbol, on the
 * trades' own event time, with 200 ms of grace for stragglers; trades later than that go to
 * {@code bars.late}.
 */
public final class TradeBars implements TopologyDefinition {
    public static final Duration BAR = Duration.ofSeconds(1);
    public static final Duration GRACE = Duration.ofMillis(200);

    @Override
    public String name() {
        return "trade-bars";
    }

    @Override
    public String description() {
        return "trades to 1-second OHLCV bars per symbol (event time, 200 ms grace, late trades to bars.late)";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        addTo(trades(t));
        return t.build();
    }

    /** The trades of every venue and symbol of {@link DeskVenues#SIM}. */
    static Stream<Trade> trades(TopologyBuilder t) {
        return t.source(Named.as("trades"), DeskVenues.SIM).subscribe("data.trades.*.*");
    }

    static void addTo(Stream<Trade> trades) {
        trades.keyBy(trade -> trade.instrument().symbol(), Named.as("trade-by-symbol"))
                .windowedBy(TimeWindows.tumbling(BAR).grace(GRACE))
                .eventTime(Trade::tsEvent)
                .lateTo("bars.late")
                .aggregate(() -> Bar.EMPTY, Bar::add, Named.as("bars-1s"))
                .map(w -> w.value().withInterval(w.startNanos(), w.endNanos()), Named.as("bar"))
                .to("bars.1s", Named.as("to-bars"));
    }
}
