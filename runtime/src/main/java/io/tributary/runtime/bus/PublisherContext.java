package io.tributary.runtime.bus;

import io.tributary.runtime.exec.MutableEnvelope;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-thread publishing state: a block of message ids (one shared atomic add per 1,024 messages
 * instead of one per message) and a stack of reusable envelopes for inline delivery, which nests
 * when a handler publishes.
 */
final class PublisherContext {
    private static final int ID_BLOCK = 1024;
    private static final int MAX_DEPTH = 64;

    private final AtomicLong idSource;
    private final long idPrefix;
    private long nextId;
    private long idLimit;
    private final MutableEnvelope[] stack = new MutableEnvelope[MAX_DEPTH];
    private int depth;

    PublisherContext(AtomicLong idSource, long idPrefix) {
        this.idSource = idSource;
        this.idPrefix = idPrefix;
    }

    long nextId() {
        if (nextId == idLimit) {
            nextId = idSource.getAndAdd(ID_BLOCK);
            idLimit = nextId + ID_BLOCK;
        }
        return idPrefix | nextId++;
    }

    MutableEnvelope acquire() {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("inline delivery nested " + MAX_DEPTH
                    + " deep: a handler is probably publishing to a topic it is subscribed to");
        }
        MutableEnvelope envelope = stack[depth];
        if (envelope == null) {
            envelope = new MutableEnvelope();
            stack[depth] = envelope;
        }
        depth++;
        return envelope;
    }

    void release(MutableEnvelope envelope) {
        envelope.clear();
        depth--;
    }
}
