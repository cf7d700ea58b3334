package io.tributary.runtime.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The latest waiting message of one (target, topic, key) on a CONFLATE lane. Exactly one ring cell
 * refers to it. Producers {@link #replace} the message while it waits; the worker {@link #take}s it
 * once, after which replacing fails and the next message needs a new holder (and a new cell).
 */
final class ConflationHolder {
    private static final VarHandle LATEST;

    static {
        try {
            LATEST = MethodHandles.lookup().findVarHandle(ConflationHolder.class, "latest", ConflatedMessage.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ConflationKey key;
    @SuppressWarnings("unused") // accessed through LATEST
    private volatile ConflatedMessage latest;

    ConflationHolder(ConflationKey key, ConflatedMessage first) {
        this.key = key;
        this.latest = first;
    }

    /** Replaces the waiting message; false once the worker has taken it. */
    boolean replace(ConflatedMessage newer) {
        for (;;) {
            ConflatedMessage current = latest;
            if (current == null) {
                return false;
            }
            if (LATEST.compareAndSet(this, current, newer)) {
                return true;
            }
        }
    }

    /** Takes the message for delivery (worker only, once). */
    ConflatedMessage take() {
        return (ConflatedMessage) LATEST.getAndSet(this, (ConflatedMessage) null);
    }
}
