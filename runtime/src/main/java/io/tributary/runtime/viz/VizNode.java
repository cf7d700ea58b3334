package io.tributary.runtime.viz;

import io.tributary.api.Priority;

import java.util.List;
import java.util.Objects;

/**
 * One box of the drawing.
 *
 * @param id      stable element id, {@link VizGraph#elementId(String)} of the name for topology nodes
 *                ({@code node-<name>}) and {@code topic-<topic>} for topics; a live page finds the
 *                node's SVG group by this id
 * @param name    the node name, or the topic / pattern
 * @param shape   how it is drawn
 * @param lane    the lane messages leave on; null for topics
 * @param group   the sub-topology id, or -1 for topics (which belong to none)
 * @param type    operator type ({@code FILTER}, {@code SOURCE_VENUE}…) or {@code TOPIC}
 * @param plugin  plugin kind and name ({@code venue: sim}), or null; for a topic that crosses a
 *                transport, its physical names ({@link TransportBoundary})
 * @param details further lines: routed lane, operator settings, topics
 */
public record VizNode(String id, String name, VizShape shape, Priority lane, int group, String type,
                      String plugin, List<String> details) {
    public VizNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(type, "type");
        details = List.copyOf(details);
    }

    /** The lines drawn inside the box: name, then type, then the plugin if any. */
    public List<String> labelLines() {
        if (shape == VizShape.TOPIC) {
            String kind = type.toLowerCase(java.util.Locale.ROOT);
            return plugin == null ? List.of(name, kind) : List.of(name, kind, plugin);
        }
        return plugin == null ? List.of(name, type) : List.of(name, type, plugin);
    }
}
