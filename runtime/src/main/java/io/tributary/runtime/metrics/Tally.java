package io.tributary.runtime.metrics;

import io.tributary.runtime.bus.DeliveryCounts;

/** An exact event count: what a {@link ReadTickedMeter} counts with. */
interface Tally {
    void add(long n);

    long sum();

    /** The in count of {@code counts}. */
    static Tally in(DeliveryCounts counts) {
        return new Tally() {
            @Override
            public void add(long n) {
                counts.addIn(n);
            }

            @Override
            public long sum() {
                return counts.in();
            }
        };
    }

    /** The out count of {@code counts}. */
    static Tally out(DeliveryCounts counts) {
        return new Tally() {
            @Override
            public void add(long n) {
                counts.addOut(n);
            }

            @Override
            public long sum() {
                return counts.out();
            }
        };
    }

    /** The errors count of {@code counts}. */
    static Tally errors(DeliveryCounts counts) {
        return new Tally() {
            @Override
            public void add(long n) {
                counts.addErrors(n);
            }

            @Override
            public long sum() {
                return counts.errors();
            }
        };
    }
}
