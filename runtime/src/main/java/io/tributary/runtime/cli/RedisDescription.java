package io.tributary.runtime.cli;

import io.tributary.api.dsl.Topology;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.viz.TransportBoundary;

import java.util.Map;

/**
 * What {@code describe --transport redis} adds: the streams {@code run --transport redis} reads
 * with its consumer group and the bus topics that reach them, and how each sub-topology runs.
 * Connects to no server.
 */
final class RedisDescription {
    private RedisDescription() {
    }

    static String of(Topology topology, TransportSettings.Redis redis) {
        String app = redis.app();
        TransportBoundary boundary = TransportBoundaries.redis(topology, redis);
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder("Redis plan: ").append(topology.name()).append(" (consumer group ").append(app)
                .append(", stream mode ").append(redis.streamMode().name().toLowerCase(java.util.Locale.ROOT))
                .append(", dead letters ").append(app).append(".dlq, trimmed to ~").append(redis.maxLength())
                .append(" entries").append(redis.maxAge().isZero() ? "" : " and " + redis.maxAge()).append(')').append(nl);
        b.append("  Streams (read CRITICAL first, acknowledged after the plan accepted each entry):").append(nl);
        if (boundary.physicalNames().isEmpty()) {
            b.append("    none: the topology has no stream sources, so nothing crosses Redis").append(nl);
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(boundary.physicalNames()).entrySet()) {
            b.append("    ").append(e.getKey()).append(" -> ").append(e.getValue()).append(nl);
        }
        b.append("  Sub-topologies:").append(nl);
        new java.util.TreeMap<>(boundary.groupNotes()).forEach((id, note) ->
                b.append("    ").append(id).append(": ").append(note).append(nl));
        return b.toString();
    }
}
