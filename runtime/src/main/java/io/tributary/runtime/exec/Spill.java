package io.tributary.runtime.exec;

import io.tributary.api.Headers;
import io.tributary.api.Priority;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a worker's own deliveries published while the target ring was full. A worker never waits
 * for room in another worker's ring: that worker may be waiting for room in this one's, and every
 * worker would stop (seen: the default desk on a loaded machine, all HIGH rings full, each worker
 * blocked on another's until the block timeout). It queues here instead, keeps draining its own
 * rings, and moves the queue into the rings in order; while anything waits here, its later publishes
 * queue behind it, so per-(topic, key) order holds. Single-threaded: only the owning worker touches
 * it. Producers outside the pool still block, which is the backpressure that bounds this queue.
 */
final class Spill {
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /**
     * How many entries wait here, for other threads (the shutdown's drain check of a fixed pool);
     * single writer, release stores. Lowered only after the entry's ring claim, so a reader that
     * sees it lower and then reads the ring's tail sees the claim.
     */
    private final AtomicLong queued = new AtomicLong();

    private record Entry(Worker worker, int lane, DeliveryTarget target, int slot, long id, String topic,
                         Object key, Object payload, Priority priority, long publishTimeNanos, Headers headers) {
    }

    /** Entries waiting; safe from any thread (may be stale). */
    long queued() {
        return queued.get();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Allocates one entry: only on this rare, already slow path. */
    void add(Worker worker, int lane, DeliveryTarget target, int slot, long id, String topic, Object key,
             Object payload, Priority priority, long publishTimeNanos, Headers headers) {
        entries.add(new Entry(worker, lane, target, slot, id, topic, key, payload, priority, publishTimeNanos, headers));
        queued.lazySet(queued.get() + 1);
    }

    /** Moves entries into their rings, oldest first, until one does not fit. @return how many moved */
    int flush() {
        int moved = 0;
        for (Entry e = entries.peek(); e != null; e = entries.peek()) {
            LaneRing ring = e.worker.ring(e.lane);
            long pos = ring.tryClaim();
            if (pos < 0) {
                break;
            }
            Cell cell = ring.cell(pos);
            cell.set(e.id, e.topic, e.key, e.payload, e.priority, e.publishTimeNanos, e.headers);
            cell.target = e.target;
            cell.slot = e.slot;
            cell.enqueueNanos = e.publishTimeNanos;
            e.worker.publish(ring, pos);
            entries.poll();
            moved++;
        }
        if (moved > 0) {
            queued.lazySet(queued.get() - moved);
        }
        return moved;
    }
}
