package io.tributary.runtime.viz;

import java.util.Map;
import java.util.Objects;

/**
 * What a transport makes of a topology's edges to the outside, for drawing: which topics and
 * source patterns cross a process boundary and under which physical names (Kafka lane topics,
 * Redis streams), and how each sub-topology runs. Transport-neutral on purpose: the CLI fills it
 * from the Kafka plan or the Redis stream names, the renderers only draw it.
 *
 * @param transport     short name drawn on boundary topics ({@code kafka}, {@code redis}); empty for none
 * @param physicalNames topic or source pattern → the physical names carrying it, e.g.
 *                      {@code tributary.orders.approved.{critical,high,normal,low}}
 * @param groupNotes    sub-topology id → how it runs, e.g. {@code Kafka Streams (application.id desk)}
 */
public record TransportBoundary(String transport, Map<String, String> physicalNames, Map<Integer, String> groupNotes) {
    /** The in-memory bus: no boundary, nothing added to the drawing. */
    public static final TransportBoundary NONE = new TransportBoundary("", Map.of(), Map.of());

    public TransportBoundary {
        Objects.requireNonNull(transport, "transport");
        physicalNames = Map.copyOf(physicalNames);
        groupNotes = Map.copyOf(groupNotes);
    }

    /** The physical names of {@code topic}, or null when it stays on the in-process bus. */
    String physicalName(String topic) {
        return physicalNames.get(topic);
    }

    /** The sub-topology's box label with its note appended. */
    String groupLabel(int subTopology, String label) {
        String note = groupNotes.get(subTopology);
        return note == null ? label : label + " · " + note;
    }
}
