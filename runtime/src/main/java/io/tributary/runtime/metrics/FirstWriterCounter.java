package io.tributary.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exact event count that is cheapest for the thread that counts most: the first thread to add
 * becomes the owner and bumps a plain field it alone writes (a release store: a plain {@code mov}
 * on x86, no locked instruction); every other thread adds to a {@link LongAdder}. {@link #sum()}
 * adds the two.
 *
 * <p>Why: a node's meters are marked once or twice per message, and most nodes are driven by one
 * thread — the publisher for inline stages, the one worker of a lane for pooled ones. An uncontended
 * {@code LongAdder} increment is still a locked CAS (~2 ns each here), which was a fifth of an
 * inline publish→dispatch (issue 6, W1). The owner never changes: a later thread (a worker the pool
 * restarted, a second publisher) pays the {@code LongAdder} price, never a wrong count.
 *
 * <p>Exactness: every add lands in exactly one of the two places; a reader sees all adds that
 * happen-before its read (the owner's release store pairs with the reader's acquire load).
 */
final class FirstWriterCounter extends FirstWriterCounterFields {
    // trailing padding: keep the owner's line away from whatever is allocated after this object
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;

    private final LongAdder others = new LongAdder();

    void increment() {
        add(1L);
    }

    void add(long n) {
        // a plain read suffices: only the owner itself can have stored itself here, and it sees its own store
        if (owner == Thread.currentThread()) {
            OWNED.setRelease(this, owned + n);
        } else {
            addSlow(n);
        }
    }

    private void addSlow(long n) {
        Thread self = Thread.currentThread();
        if (owner == null && OWNER.compareAndSet(this, null, self)) {
            OWNED.setRelease(this, owned + n);
        } else {
            others.add(n);
        }
    }

    long sum() {
        return (long) OWNED.getAcquire(this) + others.sum();
    }

    @Override
    public String toString() {
        return Long.toString(sum());
    }
}

/** Leading padding and the owner's fields, laid out before the subclass's trailing padding. */
abstract class FirstWriterCounterPadding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

abstract class FirstWriterCounterFields extends FirstWriterCounterPadding {
    static final VarHandle OWNER;
    static final VarHandle OWNED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(FirstWriterCounterFields.class, "owner", Thread.class);
            OWNED = lookup.findVarHandle(FirstWriterCounterFields.class, "owned", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Set once, by the first adding thread. */
    Thread owner;
    /** Written only by {@link #owner}, with release stores. */
    long owned;
}
