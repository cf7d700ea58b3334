package io.tributary.runtime.exec;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;

/**
 * An immutable snapshot of one lane of a {@link PriorityExecutor}, summed over all workers.
 *
 * <p>Counters and wait percentiles cover the whole life of the executor (since start). When the
 * lane is quiet, {@code enqueued == delivered + dropped + conflated + depth}: every accepted
 * message is delivered, dropped, replaced by a newer one, or still waiting. Rejected messages were
 * never accepted. Counters are read one after the other, so a snapshot taken under load is only
 * approximately consistent.
 *
 * @param lane           the lane
 * @param policy         its overflow policy
 * @param enqueued       messages accepted (submit returned true)
 * @param delivered      messages handed to a target (including those whose target threw)
 * @param dropped        waiting messages discarded by DROP_OLDEST to make room
 * @param conflated      waiting messages replaced by a newer one for the same (target, topic, key)
 * @param rejected       submits refused: REJECT on a full lane, or BLOCK/CONFLATE that timed out
 * @param failed         deliveries (or endOfBatch calls) that threw; the worker carried on
 * @param depth          messages waiting right now
 * @param p50WaitNanos   median wait, enqueue to start of delivery
 * @param p99WaitNanos   99th percentile wait
 * @param maxWaitNanos   longest wait seen
 */
public record LaneStats(Priority lane, OverflowPolicy policy, long enqueued, long delivered, long dropped,
                        long conflated, long rejected, long failed, long depth,
                        long p50WaitNanos, long p99WaitNanos, long maxWaitNanos) {
}
