package io.tributary.topologies;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.topologies.model.Bar;
import io.tributary.topologies.model.Trade;

import java.time.Duration;

/**
 * Trades from every venue become one-second OHLCV bars per symbol, on the trades' own event time,
 * with 200 ms of grace for stragglers; trades later than that go to {@code bars.late}.
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
        addTo(t);
        return t.build();
    }

    static void addTo(TopologyBuilder t) {
        t.<Trade>stream("data.trades.**", Named.as("trades"))
                .keyBy(Trade::symbol, Named.as("trade-by-symbol"))
                .windowedBy(TimeWindows.tumbling(BAR).grace(GRACE))
                .eventTime(Trade::tsEventNanos)
                .lateTo("bars.late")
                .aggregate(() -> Bar.EMPTY, Bar::add, Named.as("bars-1s"))
                .map(w -> w.value().withInterval(w.startNanos(), w.endNanos()), Named.as("bar"))
                .to("bars.1s", Named.as("to-bars"));
    }
}
