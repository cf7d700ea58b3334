package io.tributary.runtime.metrics;

import io.tributary.runtime.bus.DeliveryCounts;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** An exact event count: what a {@link ReadTickedMeter} counts with. */
interface Tally {
    void add(long n);

    long sum();

    /** The in count of {@code counts}. */
    static Tally in(DeliveryCounts counts) {
        return of(counts::addIn, counts::in);
    }

    /** The out count of {@code counts}. */
    static Tally out(DeliveryCounts counts) {
        return of(counts::addOut, counts::out);
    }

    /** The errors count of {@code counts}. */
    static Tally errors(DeliveryCounts counts) {
        return of(counts::addErrors, counts::errors);
    }

    private static Tally of(LongConsumer add, LongSupplier sum) {
        return new Tally() {
            @Override
            public void add(long n) {
                add.accept(n);
            }

            @Override
            public long sum() {
                return sum.getAsLong();
            }
        };
    }
}
