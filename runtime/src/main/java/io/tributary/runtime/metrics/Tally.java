package io.tributary.runtime.metrics;

/** An exact event count: what a {@link ReadTickedMeter} counts with. */
interface Tally {
    void add(long n);

    long sum();
}
