package io.tributary.api.market;

import java.util.Objects;

/** What an execution venue reports about an order, published on {@code orders.events.<VENUE>}. */
public sealed interface OrderEvent
        permits OrderEvent.Accepted, OrderEvent.Rejected, OrderEvent.Filled, OrderEvent.Cancelled {

    String clientOrderId();

    InstrumentId instrument();

    /** When the venue says it happened, ns since the Unix epoch. */
    long tsEvent();

    /** The venue took the order and it is working. */
    record Accepted(String clientOrderId, String venueOrderId, InstrumentId instrument, long tsEvent)
            implements OrderEvent {
        public Accepted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(instrument, "instrument");
        }
    }

    /** The venue refused a command; {@code reason} says why in words. */
    record Rejected(String clientOrderId, InstrumentId instrument, String reason, long tsEvent)
            implements OrderEvent {
        public Rejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** (Part of) the order executed. */
    record Filled(String clientOrderId, String venueOrderId, String tradeId, InstrumentId instrument, Side side,
                  Decimal price, Decimal quantity, long tsEvent) implements OrderEvent {
        public Filled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(venueOrderId, "venueOrderId");
            Objects.requireNonNull(tradeId, "tradeId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** The order stopped working without (fully) filling. */
    record Cancelled(String clientOrderId, String venueOrderId, InstrumentId instrument, long tsEvent)
            implements OrderEvent {
        public Cancelled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(instrument, "instrument");
        }
    }
}
