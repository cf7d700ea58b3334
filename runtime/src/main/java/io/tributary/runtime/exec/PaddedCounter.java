package io.tributary.runtime.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Left padding, so {@link PaddedCounter#value} never shares a cache line with a neighbour object. */
abstract class PaddedCounterLhs {
    long p01, p02, p03, p04, p05, p06, p07;
}

/** The hot field. */
abstract class PaddedCounterValue extends PaddedCounterLhs {
    volatile long value;
}

/**
 * A long on its own cache line (Disruptor's {@code Sequence} idea, by class-hierarchy padding so the
 * JVM cannot reorder the padding away). Used for ring heads and tails, which different cores write.
 */
final class PaddedCounter extends PaddedCounterValue {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p11, p12, p13, p14, p15, p16, p17;

    long get() {
        return value;
    }

    /** Own-thread read by the single writer. */
    long getPlain() {
        return (long) VALUE.get(this);
    }

    /** Single-writer store: orders earlier writes before it, no StoreLoad fence (a plain mov on x86). */
    void setRelease(long v) {
        VALUE.setRelease(this, v);
    }

    boolean compareAndSet(long expected, long v) {
        return VALUE.compareAndSet(this, expected, v);
    }
}
