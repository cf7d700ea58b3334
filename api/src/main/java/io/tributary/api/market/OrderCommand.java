package io.tributary.api.market;

import java.util.Objects;

/**
 * A command to an execution venue, published on {@code orders.commands.<VENUE>} (see
 * {@link MarketTopics}) or handed to a venue adapter directly.
 */
public sealed interface OrderCommand permits OrderCommand.Submit, OrderCommand.Cancel {

    /** Our id of the order the command is about. */
    String clientOrderId();

    InstrumentId instrument();

    /**
     * Place a new order.
     *
     * @param clientOrderId our id of the order, unique per strategy
     * @param strategyId    who sends it
     * @param instrument    what to trade, and where ({@link InstrumentId#venue()})
     * @param side          buy or sell
     * @param type          market or limit
     * @param quantity      how much; must be positive
     * @param price         limit price; null for a market order
     * @param timeInForce   how long it stays working
     * @param tsInit        when the command was created, ns since the Unix epoch
     */
    record Submit(String clientOrderId, String strategyId, InstrumentId instrument, Side side, OrderType type,
                  Decimal quantity, Decimal price, TimeInForce timeInForce, long tsInit) implements OrderCommand {
        public Submit {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(strategyId, "strategyId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(timeInForce, "timeInForce");
        }

        public static Submit market(String clientOrderId, InstrumentId instrument, Side side, Decimal quantity) {
            return new Submit(clientOrderId, "default", instrument, side, OrderType.MARKET, quantity, null,
                    TimeInForce.IOC, 0L);
        }

        public static Submit limit(String clientOrderId, InstrumentId instrument, Side side, Decimal quantity,
                                   Decimal price, TimeInForce timeInForce) {
            return new Submit(clientOrderId, "default", instrument, side, OrderType.LIMIT, quantity,
                    Objects.requireNonNull(price, "price"), timeInForce, 0L);
        }
    }

    /**
     * Cancel a working order.
     *
     * @param clientOrderId our id of the order
     * @param strategyId    who sends it
     * @param instrument    the order's instrument
     * @param venueOrderId  the venue's id if known, else null
     * @param tsInit        when the command was created, ns since the Unix epoch
     */
    record Cancel(String clientOrderId, String strategyId, InstrumentId instrument, String venueOrderId,
                  long tsInit) implements OrderCommand {
        public Cancel {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(strategyId, "strategyId");
            Objects.requireNonNull(instrument, "instrument");
        }

        public static Cancel of(String clientOrderId, InstrumentId instrument) {
            return new Cancel(clientOrderId, "default", instrument, null, 0L);
        }
    }
}
