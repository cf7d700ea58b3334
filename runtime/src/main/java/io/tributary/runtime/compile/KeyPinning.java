package io.tributary.runtime.compile;

import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.WindowNode;

/**
 * Decides where the stream must be re-published with its new key. The executor delivers one
 * (topic, key) to one worker at a time, so a window behind an internal topic keyed by the window key
 * sees each key on a single worker: its per-key state is never contended by another worker and
 * per-key order is the order of the internal topic. Windows always group by a key set in the
 * topology (the key check enforces it), so every window gets a repartition in front of it.
 *
 * <p>Conflation and throttling need none: their state is lock-free per key (a map write, a CAS), and
 * conflation emits from the timer only.
 */
final class KeyPinning {
    private KeyPinning() {
    }

    static boolean needsRepartition(GraphNode node) {
        return node instanceof WindowNode;
    }

    /** {@code tributary.internal.<topology>.<node>.repartition}, with characters a topic cannot hold replaced. */
    static String internalTopic(String topology, GraphNode node) {
        return "tributary.internal." + segment(topology) + "." + segment(node.name()) + ".repartition";
    }

    private static String segment(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c == '.' || c == '*' || c == '?' || Character.isWhitespace(c) ? '_' : c);
        }
        return b.toString();
    }
}
