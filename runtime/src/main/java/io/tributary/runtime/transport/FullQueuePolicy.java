package io.tributary.runtime.transport;

import io.tributary.api.OverflowPolicy;
import org.jctools.queues.MpmcArrayQueue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * What a transport's bounded outgoing queue does with a message it has no room for, by the lane's
 * overflow policy, as the bus's own lanes do: BLOCK waits for room up to a timeout (waking the
 * queue's consumer meanwhile), DROP_OLDEST and CONFLATE drop the oldest queued message to make room,
 * REJECT refuses. Shared by the Redis publisher's buffers and the Kafka bridge's outbox.
 */
public final class FullQueuePolicy {
    /** How often a blocked publisher looks for room again. */
    private static final long BLOCK_POLL_NANOS = 50_000;
    /** A DROP_OLDEST publisher racing other publishers for the freed slot gives up after this many tries. */
    private static final int DROP_TRIES = 1_000;

    private FullQueuePolicy() {
    }

    /**
     * Queues {@code item} on {@code queue}, applying {@code policy} if it is full.
     *
     * @param open      while true, a BLOCK publisher keeps waiting (false: the transport is closing)
     * @param wake      wakes the queue's consumer, so that it makes room
     * @param onDropped called once per message DROP_OLDEST or CONFLATE dropped
     * @return false if the message was refused
     */
    public static <T> boolean offer(MpmcArrayQueue<T> queue, T item, OverflowPolicy policy, Duration blockTimeout,
                                    BooleanSupplier open, Runnable wake, Runnable onDropped) {
        if (queue.offer(item)) {
            return true;
        }
        switch (policy) {
            case REJECT:
                return false;
            case DROP_OLDEST:
            case CONFLATE:
                for (int i = 0; i < DROP_TRIES; i++) {
                    if (queue.poll() != null) {
                        onDropped.run();
                    }
                    if (queue.offer(item)) {
                        return true;
                    }
                }
                return false;
            case BLOCK:
            default:
                long deadline = System.nanoTime() + blockTimeout.toNanos();
                while (open.getAsBoolean()) {
                    if (queue.offer(item)) {
                        return true;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                    wake.run();
                    LockSupport.parkNanos(BLOCK_POLL_NANOS);
                }
                return false;
        }
    }
}
