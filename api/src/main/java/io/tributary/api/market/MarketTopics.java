package io.tributary.api.market;

/**
 * The topic names market-data and execution plugins agree on.
 *
 * <pre>
 * data.quotes.&lt;VENUE&gt;.&lt;SYMBOL&gt;   {@link Quote}
 * data.trades.&lt;VENUE&gt;.&lt;SYMBOL&gt;   {@link Trade}
 * data.regimes.&lt;SYMBOL&gt;           {@link RegimeChange}
 * orders.commands.&lt;VENUE&gt;         {@link OrderCommand}
 * orders.events.&lt;VENUE&gt;           {@link OrderEvent}
 * </pre>
 * Build these once (at start-up) and keep a {@code TopicHandle}: they allocate.
 */
public final class MarketTopics {
    public static final String QUOTES = "data.quotes";
    public static final String TRADES = "data.trades";
    public static final String REGIMES = "data.regimes";
    public static final String ORDER_COMMANDS = "orders.commands";
    public static final String ORDER_EVENTS = "orders.events";

    private MarketTopics() {
    }

    public static String quotes(InstrumentId instrument) {
        return QUOTES + "." + instrument.venue() + "." + instrument.symbol();
    }

    public static String trades(InstrumentId instrument) {
        return TRADES + "." + instrument.venue() + "." + instrument.symbol();
    }

    public static String regimes(String symbol) {
        return REGIMES + "." + symbol;
    }

    public static String orderCommands(String venue) {
        return ORDER_COMMANDS + "." + venue;
    }

    public static String orderEvents(String venue) {
        return ORDER_EVENTS + "." + venue;
    }
}
