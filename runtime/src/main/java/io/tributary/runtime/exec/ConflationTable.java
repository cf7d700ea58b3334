package io.tributary.runtime.exec;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting holders of one CONFLATE lane, by (target, topic, key). A holder is registered only
 * after its cell is published, so a message can only be conflated into a holder that a cell will
 * deliver. The worker unregisters a holder when it takes it, which keeps the table as small as the
 * set of keys that are waiting.
 */
final class ConflationTable {
    private final ConcurrentHashMap<ConflationKey, ConflationHolder> waiting = new ConcurrentHashMap<>();

    /** Replaces the waiting message of the key, if one is waiting and not yet taken. */
    boolean tryReplace(ConflationKey key, ConflatedMessage message) {
        ConflationHolder holder = waiting.get(key);
        return holder != null && holder.replace(message);
    }

    void register(ConflationHolder holder) {
        waiting.put(holder.key, holder);
    }

    void taken(ConflationHolder holder) {
        waiting.remove(holder.key, holder);
    }

    int size() {
        return waiting.size();
    }
}
