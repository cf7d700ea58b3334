package io.tributary.api;

/**
 * A message as a handler sees it.
 *
 * <p>The instance passed to a handler may be a reused, mutable carrier (the bus does not allocate
 * per message): it is valid only for the duration of the call. A handler that keeps a message
 * beyond the call must keep {@link #copy()} instead, the same contract as the LMAX Disruptor's
 * event slots.
 *
 * @param <T> payload type
 */
public interface Envelope<T> {

    /** Unique within the process that published it; used to drop redelivered duplicates. */
    long id();

    String topic();

    /** Ordering key; null means the topic alone is the key. */
    Object key();

    T payload();

    Priority priority();

    /** Publish time in nanoseconds since the Unix epoch (see {@code EpochClock}). */
    long publishTimeNanos();

    /** Never null; {@link Headers#EMPTY} when there are none. */
    Headers headers();

    /** An immutable snapshot that is safe to keep after the handler returns. */
    default Message<T> copy() {
        return new Message<>(id(), topic(), key(), payload(), priority(), publishTimeNanos(), headers());
    }
}
