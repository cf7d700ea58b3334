package io.tributary.runtime.config;

import java.util.List;

/**
 * The built-in generator of quotes, trades and orders ({@code tributary.source.synthetic}).
 *
 * @param enabled       whether {@code run} starts it
 * @param rate          messages per second in total
 * @param seed          random seed: the same seed gives the same messages
 * @param venues        venue names used in topics and payloads
 * @param symbols       instrument symbols
 * @param tradesPercent share of trades among the messages
 * @param ordersPercent share of orders among the messages
 */
public record SyntheticSourceSettings(boolean enabled, int rate, long seed, List<String> venues, List<String> symbols,
                                      int tradesPercent, int ordersPercent) {
    public SyntheticSourceSettings {
        venues = List.copyOf(venues);
        symbols = List.copyOf(symbols);
    }
}
