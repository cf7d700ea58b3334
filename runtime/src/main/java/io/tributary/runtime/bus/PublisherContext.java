package io.tributary.runtime.bus;

import io.tributary.api.EpochClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-thread publishing state: a block of message ids (one shared atomic add per 1,024 messages
 * instead of one per message) and a stack of reusable envelopes, one per nesting level of publish
 * calls (a handler may publish).
 */
final class PublisherContext {
    private static final int ID_BLOCK = 1024;
    private static final int MAX_DEPTH = 64;

    private final AtomicLong idSource;
    private final long idPrefix;
    private long nextId;
    private long idLimit;
    private final InlineEnvelope[] stack = new InlineEnvelope[MAX_DEPTH];
    private final EpochClock clock;
    private int depth;

    PublisherContext(AtomicLong idSource, long idPrefix, EpochClock clock) {
        this.idSource = idSource;
        this.idPrefix = idPrefix;
        this.clock = clock;
    }

    long nextId() {
        if (nextId == idLimit) {
            nextId = idSource.getAndAdd(ID_BLOCK);
            idLimit = nextId + ID_BLOCK;
        }
        return idPrefix | nextId++;
    }

    InlineEnvelope acquire() {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("inline delivery nested " + MAX_DEPTH
                    + " deep: a handler is probably publishing to a topic it is subscribed to");
        }
        InlineEnvelope envelope = stack[depth];
        if (envelope == null) {
            envelope = new InlineEnvelope(clock);
            stack[depth] = envelope;
        }
        depth++;
        return envelope;
    }

    void release(InlineEnvelope envelope) {
        envelope.clear();
        depth--;
    }
}
