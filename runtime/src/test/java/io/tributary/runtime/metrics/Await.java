package io.tributary.runtime.metrics;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition with a generous deadline: for what another thread does, never for time itself. */
final class Await {
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private Await() {
    }

    static void until(BooleanSupplier condition, Supplier<String> whatFailed) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not reached within " + DEADLINE + ": " + whatFailed.get());
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
