package io.tributary.topologies.model;

import io.tributary.api.market.Quote;

/** What the example desks ask of a {@link Quote}. */
public final class Quotes {
    private Quotes() {
    }

    /** A usable quote: both sides present and not crossed. */
    public static boolean isTradable(Quote q) {
        return q.bidSize() > 0 && q.askSize() > 0 && q.bidPrice() > 0 && q.bidPrice() < q.askPrice();
    }

    public static String symbol(Quote q) {
        return q.instrument().symbol();
    }

    public static String venue(Quote q) {
        return q.instrument().venue();
    }
}
