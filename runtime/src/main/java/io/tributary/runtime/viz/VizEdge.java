package io.tributary.runtime.viz;

import io.tributary.api.Priority;

import java.util.Objects;

/**
 * An arrow between two {@link VizNode}s, by node id.
 *
 * @param from      id of the upstream node
 * @param to        id of the downstream node
 * @param lane      lane of the messages on it (the upstream node's), or null across a topic
 * @param transport true when it crosses a transport boundary (a node publishing to or reading from a topic)
 * @param label     short text drawn on the arrow, or empty
 */
public record VizEdge(String from, String to, Priority lane, boolean transport, String label) {
    public VizEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(label, "label");
    }

    /** Stable element id: {@code edge-<from>--<to>}. */
    public String id() {
        return "edge-" + from + "--" + to;
    }
}
