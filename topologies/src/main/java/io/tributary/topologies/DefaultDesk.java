package io.tributary.topologies;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.Quote;

/**
 * The desk {@code tributary run} runs when no topology is named: market-data fan-out, trade bars and
 * the order risk check in one topology on the {@code venue-sim} plugin's market, with a toy strategy
 * ({@link QuoteTaker}) publishing orders from quotes on {@code orders.new.quote-taker}, so every lane
 * carries traffic. The strategy publishes rather than calling the risk check directly: fused into
 * the quotes' stage, the risk check would lift every quote onto the CRITICAL lane (decision 0011).
 */
public final class DefaultDesk implements TopologyDefinition {
    /** One order per this many tradable quotes. */
    public static final long QUOTES_PER_ORDER = 50;

    @Override
    public String name() {
        return "default-desk";
    }

    @Override
    public String description() {
        return "market-data-fanout + trade-bars + a toy strategy through order-risk, on venue-sim (the default of `run`)";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        Stream<Quote> quotes = MarketDataFanout.quotes(t);
        MarketDataFanout.addTo(quotes);
        TradeBars.addTo(TradeBars.trades(t));
        quotes.<OrderCommand.Submit>flatMap(new QuoteTaker(QUOTES_PER_ORDER), Named.as("quote-taker"))
                .keyBy(OrderCommand.Submit::strategyId, Named.as("order-by-taker"))
                .to("orders.new." + QuoteTaker.STRATEGY, Named.as("taker-orders"));
        OrderRisk.addTo(t.stream("orders.new.*", Named.as("orders")), RiskLimits.DEFAULT);
        return t.build();
    }
}
