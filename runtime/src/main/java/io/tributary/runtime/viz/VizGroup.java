package io.tributary.runtime.viz;

import java.util.List;

/**
 * A box around the nodes of one sub-topology.
 *
 * @param id      the sub-topology id
 * @param label   text drawn on the box
 * @param nodeIds member node ids, in node id order
 */
public record VizGroup(int id, String label, List<String> nodeIds) {
    public VizGroup {
        nodeIds = List.copyOf(nodeIds);
    }

    /** Stable element id: {@code group-<id>}. */
    public String elementId() {
        return "group-" + id;
    }
}
