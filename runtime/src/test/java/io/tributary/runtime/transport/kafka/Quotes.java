package io.tributary.runtime.transport.kafka;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;

/** Sample quotes for the Kafka tests; {@code tsInit} carries the send time for latency. */
final class Quotes {
    private Quotes() {
    }

    static QuoteTick quote(String symbol, long bid, long tsInit) {
        return QuoteTick.newBuilder()
                .setInstrument(new InstrumentId("BINANCE", symbol))
                .setBidPrice(new Price(bid, 2)).setAskPrice(new Price(bid + 1, 2))
                .setBidSize(new Quantity(10L, 0)).setAskSize(new Quantity(12L, 0))
                .setTsEvent(bid).setTsInit(tsInit)
                .build();
    }
}
