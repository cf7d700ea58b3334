package io.tributary.runtime.compile;

import io.tributary.api.dsl.Topology;
import io.tributary.runtime.plan.PhysicalPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles a {@link Topology} into a {@link PhysicalPlan}:
 * <ol>
 *   <li>validate: unique names, topic grammar, plugin references, terminals, keys, lanes, cycles; every
 *       problem is collected and reported in one {@link TopologyValidationException};</li>
 *   <li>fuse: one stage per source, operators reachable from it run as direct calls;</li>
 *   <li>pin keys: a repartition through an internal topic in front of each window;</li>
 *   <li>assign lanes: each stage's subscription on the highest lane of its outputs;</li>
 *   <li>assemble the processors.</li>
 * </ol>
 * Thread-safe; a compiler may be reused.
 */
public final class TopologyCompiler {
    private final PluginCatalog catalog;
    private final Duration timerPeriod;

    public TopologyCompiler(PluginCatalog catalog) {
        this(catalog, Duration.ofMillis(10));
    }

    /** @param timerPeriod how often a running plan releases conflated values and closes windows */
    public TopologyCompiler(PluginCatalog catalog, Duration timerPeriod) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.timerPeriod = Objects.requireNonNull(timerPeriod, "timerPeriod");
    }

    /** Every problem of {@code topology}, in check order (empty when it compiles). */
    public List<Problem> validate(Topology topology) {
        return validate(new LogicalGraph(topology), new PluginCheck(catalog));
    }

    /** @throws TopologyValidationException listing every problem */
    public PhysicalPlan compile(Topology topology) {
        LogicalGraph graph = new LogicalGraph(topology);
        PluginCheck plugins = new PluginCheck(catalog);
        List<Problem> problems = validate(graph, plugins);
        if (!problems.isEmpty()) {
            throw new TopologyValidationException(topology.name(), problems);
        }
        List<StageSpec> stages = LaneAssignment.assign(graph, Fusion.stages(graph));
        return new PlanAssembler(graph, plugins.resolved(), timerPeriod).assemble(stages);
    }

    private static List<Problem> validate(LogicalGraph graph, PluginCheck plugins) {
        List<Problem> problems = new ArrayList<>();
        for (Check check : List.of(new NameCheck(), new TopicCheck(), plugins, new TerminalCheck(), new KeyCheck(),
                new LaneCheck(), new CycleCheck())) {
            check.check(graph, problems);
        }
        return problems;
    }
}
