package io.tributary.topologies;

import io.tributary.api.market.Decimal;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;
import io.tributary.topologies.model.Quotes;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The default desk's toy strategy, so that its risk check sees orders: every {@code every}-th
 * tradable quote becomes an IOC limit order at the touch, alternating buy at the ask and sell at
 * the bid, for 1 unit — and every 7th order for 50 units, which the default limits refuse.
 * Thread-safe (an atomic counter), as DSL functions may run on several workers at once.
 */
public final class QuoteTaker implements Function<Quote, List<OrderCommand.Submit>> {
    /** The strategy id of its orders. */
    public static final String STRATEGY = "quote-taker";

    private final long every;
    private final AtomicLong quotes = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();

    public QuoteTaker(long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, was " + every);
        }
        this.every = every;
    }

    @Override
    public List<OrderCommand.Submit> apply(Quote quote) {
        if (!Quotes.isTradable(quote) || quotes.incrementAndGet() % every != 0) {
            return List.of();
        }
        long n = orders.incrementAndGet();
        boolean buy = n % 2 == 1;
        Decimal price = buy ? quote.ask() : quote.bid();
        Decimal quantity = Decimal.of(n % 7 == 0 ? 50 : 1, 0);
        return List.of(new OrderCommand.Submit(STRATEGY + "-" + n, STRATEGY, quote.instrument(),
                buy ? Side.BUY : Side.SELL, io.tributary.api.market.OrderType.LIMIT, quantity, price,
                TimeInForce.IOC, quote.tsEvent()));
    }
}
