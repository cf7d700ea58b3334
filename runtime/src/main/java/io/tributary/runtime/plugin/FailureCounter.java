package io.tributary.runtime.plugin;

import org.slf4j.Logger;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the exceptions one component threw and logs them, rate-limited: the 1st, 2nd, 4th, 8th …
 * failure is logged (with the count), so a component failing on every message cannot flood the log.
 */
final class FailureCounter {
    private final String component;
    private final Logger log;
    private final LongAdder count = new LongAdder();

    FailureCounter(String component, Logger log) {
        this.component = component;
        this.log = log;
    }

    void record(String operation, Throwable error) {
        count.increment();
        long n = count.sum();
        if (Long.bitCount(n) == 1) {
            log.warn("{} failed in {} ({} failure{} so far, logging the 2^n-th only)", component, operation, n,
                    n == 1 ? "" : "s", error);
        }
    }

    long count() {
        return count.sum();
    }

    String component() {
        return component;
    }
}
