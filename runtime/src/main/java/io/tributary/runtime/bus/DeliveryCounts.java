package io.tributary.runtime.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in, out and errors counts of one metered subscription (a node of a plan), exact, and cheapest
 * for the thread that counts most: the first thread to add becomes the owner of all three and bumps
 * plain fields it alone writes (release stores: a plain {@code mov} on x86, no locked instruction);
 * every other thread adds to a {@link LongAdder} per count. A sum adds the two.
 *
 * <p>Why: a node is counted twice per message (in, out), and most nodes are driven by one thread —
 * the publisher for inline stages, the one worker of a lane for pooled ones. An uncontended
 * {@code LongAdder} increment is still a locked CAS (~2 ns each here), which was a fifth of an
 * inline publish → dispatch (issue 6, W1). One owner for the three counts, on one cache line, lets
 * the bus ask "am I the owner?" once per message and then make two stores; separate counters each
 * asked again and were twice the cost. The owner never changes: a later thread (a worker the pool
 * restarted, a second publisher) pays the {@code LongAdder} price, never a wrong count.
 *
 * <p>It lives in the bus because the bus counts with it in its own delivery loop
 * ({@link MeteredDelivery}); the metrics package registers meters that read it.
 *
 * <p>Exactness: every add lands in exactly one of the two places; a reader sees all adds that
 * happen-before its read (the owner's release stores pair with the reader's acquire loads), and a
 * count never goes back.
 */
public final class DeliveryCounts extends DeliveryCountsFields {
    // trailing padding: keep the owner's line away from whatever is allocated after this object
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;

    private final LongAdder othersIn = new LongAdder();
    private final LongAdder othersOut = new LongAdder();
    private final LongAdder othersErrors = new LongAdder();

    /** True if {@code thread} owns the counts: it may then use the {@code owner...} methods. */
    public boolean ownedBy(Thread thread) {
        // a plain read suffices: only the owner itself can have stored itself here, and it sees its own store
        return owner == thread;
    }

    /** +1 in, for the owner only (see {@link #ownedBy}); returns the owner's new in count. */
    public long ownerIn() {
        long n = in + 1;
        IN.setRelease(this, n);
        return n;
    }

    /** +1 out, for the owner only. */
    public void ownerOut() {
        OUT.setRelease(this, out + 1);
    }

    /** +1 errors, for the owner only. */
    public void ownerError() {
        ERRORS.setRelease(this, errors + 1);
    }

    public void addIn(long n) {
        if (owner == Thread.currentThread() || claim()) {
            IN.setRelease(this, in + n);
        } else {
            othersIn.add(n);
        }
    }

    public void addOut(long n) {
        if (owner == Thread.currentThread() || claim()) {
            OUT.setRelease(this, out + n);
        } else {
            othersOut.add(n);
        }
    }

    public void addErrors(long n) {
        if (owner == Thread.currentThread() || claim()) {
            ERRORS.setRelease(this, errors + n);
        } else {
            othersErrors.add(n);
        }
    }

    /** Makes the calling thread the owner if there is none yet; true if it now is. */
    private boolean claim() {
        return owner == null && OWNER.compareAndSet(this, null, Thread.currentThread());
    }

    public long in() {
        return (long) IN.getAcquire(this) + othersIn.sum();
    }

    public long out() {
        return (long) OUT.getAcquire(this) + othersOut.sum();
    }

    public long errors() {
        return (long) ERRORS.getAcquire(this) + othersErrors.sum();
    }

    /**
     * For the owner's sampling decision: a message is sampled when its in count (the value
     * {@link #ownerIn()} returned) has these bits clear. 0 samples every message.
     */
    public long sampleMask() {
        return sampleMask;
    }

    /** Set by the owner only, when it samples (see {@link MeteredDelivery#sample}). */
    public void sampleMask(long mask) {
        sampleMask = mask;
    }

    @Override
    public String toString() {
        return "in=" + in() + " out=" + out() + " errors=" + errors();
    }
}

/** Leading padding, laid out before the owner's fields. */
abstract class DeliveryCountsPadding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The owner and its counts: one cache line, written only by the owner once it is set. */
abstract class DeliveryCountsFields extends DeliveryCountsPadding {
    static final VarHandle OWNER;
    static final VarHandle IN;
    static final VarHandle OUT;
    static final VarHandle ERRORS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(DeliveryCountsFields.class, "owner", Thread.class);
            IN = lookup.findVarHandle(DeliveryCountsFields.class, "in", long.class);
            OUT = lookup.findVarHandle(DeliveryCountsFields.class, "out", long.class);
            ERRORS = lookup.findVarHandle(DeliveryCountsFields.class, "errors", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Set once, by the first adding thread. */
    Thread owner;
    /** Written only by {@link #owner}, with release stores. */
    long in;
    long out;
    long errors;
    /** Owner-only; on the owner's line so the sampling decision reads no other line. */
    long sampleMask;
}
