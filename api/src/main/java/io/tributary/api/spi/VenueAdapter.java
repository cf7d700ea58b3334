package io.tributary.api.spi;

import io.tributary.api.TopicPattern;
import io.tributary.api.market.OrderCommand;

import java.util.Set;

/**
 * A connection to a venue: a market-data source, an execution venue, or both.
 *
 * <p>Life cycle, called by one thread: {@link #connect()} once, then {@link #subscribe} any number
 * of times, then {@link #disconnect()} once. A market-data adapter publishes
 * {@link io.tributary.api.market.Quote}s and {@link io.tributary.api.market.Trade}s on
 * {@code data.quotes.<VENUE>.<SYMBOL>} / {@code data.trades.<VENUE>.<SYMBOL>}
 * ({@link io.tributary.api.market.MarketTopics}). An execution adapter takes
 * {@link OrderCommand}s through {@link #onCommand} (or from {@code orders.commands.<VENUE>} on the
 * bus) and publishes {@link io.tributary.api.market.OrderEvent}s on {@code orders.events.<VENUE>}.
 */
public interface VenueAdapter extends AutoCloseable {

    /** What an adapter does. */
    enum Capability { MARKET_DATA, EXECUTION }

    Set<Capability> capabilities();

    /** Opens sessions and starts the adapter's own threads, if any. */
    void connect() throws Exception;

    /**
     * Starts publishing market data on the topics that match {@code topics} (e.g.
     * {@code data.quotes.*.BTC*}). Adapters without market data ignore it.
     */
    default void subscribe(TopicPattern topics) throws Exception {
    }

    /**
     * Handles an order command. Must not block: an adapter queues work it cannot do at once.
     *
     * @throws UnsupportedOperationException when the adapter has no {@link Capability#EXECUTION}
     */
    default void onCommand(OrderCommand command) {
        throw new UnsupportedOperationException(getClass().getName() + " does not execute orders");
    }

    /** Stops publishing, stops the adapter's threads and closes sessions. Idempotent. */
    void disconnect();

    @Override
    default void close() {
        disconnect();
    }
}
