package io.tributary.plugins.paper;

import io.tributary.api.EpochClock;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.OrderType;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper venue's matching rules. {@link #updateQuote} may be called from any thread; everything
 * else from one thread at a time (the {@link Mailbox}).
 *
 * <ul>
 *   <li>A submit is rejected for: a venue not simulated here, a duplicate client order id, a
 *       non-positive quantity, an instrument without market data yet, a limit order without a price,
 *       with a non-positive price, a price finer than the instrument's tick (the quotes' scale), or a
 *       price more than {@code maxDeviationBps} from the mid.</li>
 *   <li>Otherwise it is accepted. A market order, or a limit order at or through the touch, fills
 *       at once at the touch (buy at the ask, sell at the bid) for its whole quantity: the paper venue
 *       assumes the displayed size is enough.</li>
 *   <li>A limit order that does not cross is cancelled if IOC/FOK; else it rests and fills at the
 *       touch when a later quote crosses its price.</li>
 *   <li>A cancel of a working order cancels it; of anything else is rejected.</li>
 * </ul>
 */
final class PaperExchange {

    /** Where events go (the adapter publishes them on {@code orders.events.<VENUE>}). */
    interface Events {
        void emit(String venue, OrderEvent event);
    }

    private record Order(String clientOrderId, String venueOrderId, InstrumentId instrument, Side side, OrderType type,
                         Decimal quantity, Decimal price) {
    }

    private final Set<String> venues;
    private final double maxDeviationBps;
    private final EpochClock clock;
    private final Events events;
    private final Map<InstrumentId, Quote> books = new ConcurrentHashMap<>();
    private final Map<InstrumentId, List<Order>> resting = new ConcurrentHashMap<>();
    private final Map<String, Order> working = new HashMap<>();
    private final Set<String> seenClientIds = new HashSet<>();
    private long orderSequence;
    private long fillSequence;

    PaperExchange(Set<String> venues, double maxDeviationBps, EpochClock clock, Events events) {
        this.venues = Set.copyOf(venues);
        this.maxDeviationBps = maxDeviationBps;
        this.clock = clock;
        this.events = events;
    }

    /** Records the new top of book; true when orders rest on that instrument (call {@link #checkResting}). */
    boolean updateQuote(Quote quote) {
        books.put(quote.instrument(), quote);
        return resting.containsKey(quote.instrument());
    }

    int workingOrders() {
        return working.size();
    }

    void onCommand(OrderCommand command) {
        if (command instanceof OrderCommand.Submit submit) {
            submit(submit);
        } else if (command instanceof OrderCommand.Cancel cancel) {
            cancel(cancel);
        }
    }

    private void submit(OrderCommand.Submit s) {
        String venue = s.instrument().venue();
        String problem = check(s);
        if (problem != null) {
            events.emit(venue, new OrderEvent.Rejected(s.clientOrderId(), s.instrument(), problem, clock.nowNanos()));
            return;
        }
        seenClientIds.add(s.clientOrderId());
        Order order = new Order(s.clientOrderId(), venue + "-P" + (++orderSequence), s.instrument(), s.side(), s.type(),
                s.quantity(), s.price());
        events.emit(venue, new OrderEvent.Accepted(order.clientOrderId(), order.venueOrderId(), order.instrument(),
                clock.nowNanos()));
        if (tryFill(order, books.get(s.instrument()))) {
            return;
        }
        if (s.timeInForce() == TimeInForce.IOC || s.timeInForce() == TimeInForce.FOK) {
            events.emit(venue, new OrderEvent.Cancelled(order.clientOrderId(), order.venueOrderId(), order.instrument(),
                    clock.nowNanos()));
            return;
        }
        working.put(order.clientOrderId(), order);
        resting.computeIfAbsent(order.instrument(), i -> new ArrayList<>()).add(order);
    }

    private String check(OrderCommand.Submit s) {
        InstrumentId instrument = s.instrument();
        if (!venues.contains(instrument.venue())) {
            return "venue " + instrument.venue() + " is not simulated here (simulated: " + String.join(", ", sorted(venues)) + ")";
        }
        if (seenClientIds.contains(s.clientOrderId())) {
            return "duplicate clientOrderId " + s.clientOrderId();
        }
        if (!s.quantity().isPositive()) {
            return "quantity must be positive, got " + s.quantity();
        }
        Quote book = books.get(instrument);
        if (book == null) {
            return "unknown instrument " + instrument + ": no market data seen for it";
        }
        if (s.type() == OrderType.MARKET) {
            return null;
        }
        Decimal price = s.price();
        if (price == null) {
            return "limit order without a price";
        }
        if (!price.isPositive()) {
            return "bad price " + price + ": must be positive";
        }
        try {
            Decimal.rescale(price.mantissa(), price.scale(), book.priceScale());
        } catch (ArithmeticException e) {
            return "bad price " + price + ": finer than the instrument's tick (" + book.priceScale() + " decimal places)";
        }
        double mid = (book.bid().toDouble() + book.ask().toDouble()) / 2;
        double deviationBps = Math.abs(price.toDouble() - mid) / mid * 10_000;
        if (deviationBps > maxDeviationBps) {
            return String.format("bad price %s: %.0f bps from the mid %s (limit %.0f bps)", price, deviationBps,
                    new java.math.BigDecimal(mid).setScale(book.priceScale(), java.math.RoundingMode.HALF_EVEN), maxDeviationBps);
        }
        return null;
    }

    /** Fills {@code order} at the touch if it crosses {@code book}. */
    private boolean tryFill(Order order, Quote book) {
        if (book == null) {
            return false;
        }
        boolean buy = order.side() == Side.BUY;
        long touch = buy ? book.askPrice() : book.bidPrice();
        boolean crosses = order.type() == OrderType.MARKET || (buy
                ? Decimal.compare(order.price().mantissa(), order.price().scale(), touch, book.priceScale()) >= 0
                : Decimal.compare(order.price().mantissa(), order.price().scale(), touch, book.priceScale()) <= 0);
        if (!crosses) {
            return false;
        }
        String venue = order.instrument().venue();
        events.emit(venue, new OrderEvent.Filled(order.clientOrderId(), order.venueOrderId(), venue + "-F" + (++fillSequence),
                order.instrument(), order.side(), new Decimal(touch, book.priceScale()), order.quantity(), clock.nowNanos()));
        return true;
    }

    void checkResting(InstrumentId instrument) {
        List<Order> orders = resting.get(instrument);
        if (orders == null) {
            return;
        }
        Quote book = books.get(instrument);
        for (Iterator<Order> it = orders.iterator(); it.hasNext(); ) {
            Order order = it.next();
            if (tryFill(order, book)) {
                it.remove();
                working.remove(order.clientOrderId());
            }
        }
        if (orders.isEmpty()) {
            resting.remove(instrument);
        }
    }

    private void cancel(OrderCommand.Cancel c) {
        Order order = working.remove(c.clientOrderId());
        String venue = c.instrument().venue();
        if (order == null) {
            events.emit(venue, new OrderEvent.Rejected(c.clientOrderId(), c.instrument(),
                    "cancel: no working order with clientOrderId " + c.clientOrderId(), clock.nowNanos()));
            return;
        }
        List<Order> orders = resting.get(order.instrument());
        orders.remove(order);
        if (orders.isEmpty()) {
            resting.remove(order.instrument());
        }
        events.emit(venue, new OrderEvent.Cancelled(order.clientOrderId(), order.venueOrderId(), order.instrument(),
                clock.nowNanos()));
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
