package io.tributary.runtime.plan;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The physical side of a compiled topology as data: subscriptions (stages), what each runs and
 * fuses, the topics it publishes and on which lane. {@link #toString()} is a stable text form.
 *
 * @param name        topology name
 * @param stages      in subscription order
 * @param publishes   every topic the plan publishes to (outputs and internal topics) with its lane
 * @param timed       nodes driven by the timer (conflation, windows)
 * @param timerPeriod how often the timer fires when the plan runs live
 */
public record PlanDescription(String name, List<StageDescription> stages, Map<String, Priority> publishes,
                              List<String> timed, Duration timerPeriod) {

    /** One stage: see {@link Stage}. */
    public record StageDescription(String name, Stage.Kind kind, String pattern, Priority lane, List<String> nodes,
                                   List<List<String>> fusedChains) {
    }

    public PlanDescription {
        stages = List.copyOf(stages);
        publishes = Map.copyOf(new java.util.TreeMap<>(publishes));
        timed = List.copyOf(timed);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Plan: ").append(name).append('\n');
        for (int i = 0; i < stages.size(); i++) {
            StageDescription s = stages.get(i);
            b.append("  Stage ").append(i).append(": ").append(s.name()).append(" (").append(s.kind())
                    .append(") subscribes ").append(s.pattern()).append(" on ").append(s.lane()).append('\n');
            b.append("    runs: ").append(String.join(", ", s.nodes())).append('\n');
            for (List<String> chain : s.fusedChains()) {
                b.append("    fused: ").append(String.join(" -> ", chain)).append('\n');
            }
        }
        b.append("  Publishes:").append(publishes.isEmpty() ? " none" : "").append('\n');
        new java.util.TreeMap<>(publishes).forEach((topic, lane) ->
                b.append("    ").append(topic).append(" on ").append(lane).append('\n'));
        if (!timed.isEmpty()) {
            b.append("  Timer: every ").append(io.tributary.api.dsl.internal.Durations.format(timerPeriod))
                    .append(" for ").append(String.join(", ", timed)).append('\n');
        }
        return b.toString();
    }
}
