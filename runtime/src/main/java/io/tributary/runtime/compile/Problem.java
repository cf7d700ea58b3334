package io.tributary.runtime.compile;

import java.util.Objects;

/**
 * One thing wrong with a topology.
 *
 * @param node    the node at fault (for a cycle, its first node)
 * @param message what is wrong and, where there is one, how to fix it
 */
public record Problem(String node, String message) {
    public Problem {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "[" + node + "] " + message;
    }
}
