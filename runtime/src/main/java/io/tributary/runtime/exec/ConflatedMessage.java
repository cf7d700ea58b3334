package io.tributary.runtime.exec;

import io.tributary.api.Headers;
import io.tributary.api.Priority;

/**
 * An immutable snapshot of one message on a CONFLATE lane. Conflation has to swap all fields of the
 * waiting message at once while the worker may be taking it; one reference swap to an immutable
 * snapshot does that without locks, so CONFLATE lanes allocate this per message (BLOCK, REJECT and
 * DROP_OLDEST lanes do not allocate).
 */
record ConflatedMessage(long id, String topic, Object key, Object payload, Priority priority,
                        long publishTimeNanos, Headers headers, long enqueueNanos) {
}
