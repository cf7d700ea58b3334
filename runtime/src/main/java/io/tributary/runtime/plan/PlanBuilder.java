package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Router;
import io.tributary.api.dsl.internal.ConflateNode;
import io.tributary.api.dsl.internal.ThrottleNode;
import io.tributary.api.dsl.internal.WindowNode;
import io.tributary.api.graph.TopologyDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Assembles a {@link PhysicalPlan}: the compiler creates processors bottom-up (successors first)
 * through the factory methods, then registers stages. Keeps track of what must be bound to the bus,
 * driven by the timer and counted.
 */
public final class PlanBuilder {
    private final String name;
    private final TopologyDescription logical;
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, TopicPublisher> publishers = new LinkedHashMap<>();
    private final Map<String, Priority> publishes = new LinkedHashMap<>();
    private final List<Punctuated> punctuated = new ArrayList<>();
    private final List<String> timed = new ArrayList<>();
    private final List<Counter> counters = new ArrayList<>();
    private final List<PlanComponent> components = new ArrayList<>();
    private Duration timerPeriod = Duration.ofMillis(10);

    public PlanBuilder(String name, TopologyDescription logical) {
        this.name = name;
        this.logical = logical;
    }

    /** How often the live timer releases conflated values and closes windows (default 10 ms). */
    public PlanBuilder timerPeriod(Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("timer period must be > 0, was " + period);
        }
        this.timerPeriod = period;
        return this;
    }

    public Processor filter(Predicate<?> predicate, Processor next) {
        return specialized(StatelessProcessors.Filter.class, predicate, next);
    }

    public Processor map(Function<?, ?> mapper, Processor next) {
        return specialized(StatelessProcessors.Map.class, mapper, next);
    }

    public Processor flatMap(Function<?, ?> mapper, Processor next) {
        return specialized(StatelessProcessors.FlatMap.class, mapper, next);
    }

    public Processor peek(Consumer<?> action, Processor next) {
        return specialized(StatelessProcessors.Peek.class, action, next);
    }

    public Processor keyBy(Function<?, ?> key, Processor next) {
        return specialized(StatelessProcessors.KeyBy.class, key, next);
    }

    public Processor lane(Priority lane, Processor next) {
        return specialized(StatelessProcessors.Lane.class, lane, next);
    }

    public Processor route(String node, Router<?> router, Processor next) {
        return specialized(StatelessProcessors.RouteStep.class, router, next, counter(node, "route-dropped"));
    }

    /** A routing-policy plugin: each message to each destination it decides, on its lane. */
    public Processor policyRoute(String node, PolicyRouter policy, Processor next) {
        return specialized(StatelessProcessors.PolicyRouteStep.class, policy, next, counter(node, "route-dropped"),
                node);
    }

    /** Starts and stops with the plan (venue connections, plugin sinks and policies); once per instance. */
    public PlanBuilder component(PlanComponent component) {
        if (components.stream().noneMatch(c -> c == component)) {
            components.add(component);
        }
        return this;
    }

    /** @param predicates one per branch, in order; null for the default branch */
    public Processor split(List<Predicate<Object>> predicates, List<Processor> branches) {
        return specialized(StatelessProcessors.Split.class, predicates.toArray(Predicate[]::new),
                branches.toArray(Processor[]::new));
    }

    /** Forwards to every target; a single target is returned as is. */
    public Processor fanOut(List<Processor> targets) {
        return targets.size() == 1 ? targets.get(0)
                : specialized(StatelessProcessors.FanOut.class, (Object) targets.toArray(Processor[]::new));
    }

    public Processor forEach(Consumer<?> action) {
        return specialized(StatelessProcessors.ForEach.class, action);
    }

    /** Drops everything: the end of a path that leads nowhere (e.g. a split with no branch taken). */
    public Processor discard() {
        return (key, value, timestampNanos, lane, topic) -> { };
    }

    public Processor conflate(ConflateNode node, Priority lane, Processor next) {
        ConflateProcessor p = new ConflateProcessor(node.key(), node.interval().toNanos(), lane, next,
                counter(node.name(), "conflated"));
        punctuated.add(p);
        timed.add(node.name());
        return p;
    }

    public Processor throttle(ThrottleNode node, Processor next) {
        return new ThrottleProcessor(node.key(), node.rate(), next, counter(node.name(), "throttled"));
    }

    public Processor window(WindowNode node, Priority lane, Processor next) {
        TopicPublisher late = node.lateTopic() == null ? null : publisher(node.lateTopic(), lane);
        WindowProcessor p = new WindowProcessor(node, next, late, counter(node.name(), "late"),
                counter(node.name(), "windows-emitted"));
        punctuated.add(p);
        timed.add(node.name());
        return p;
    }

    public Processor toTopic(String topic, Priority lane) {
        return specialized(SinkProcessors.ToTopic.class, publisher(topic, lane));
    }

    public Processor toPlugin(SinkTarget target) {
        return specialized(SinkProcessors.ToPlugin.class, target);
    }

    public Processor repartition(String internalTopic, Priority lane) {
        return new SinkProcessors.Repartition(publisher(internalTopic, lane));
    }

    public PlanBuilder stage(String stageName, Stage.Kind kind, String pattern, Priority lane, List<String> nodes,
                             List<List<String>> fusedChains, Processor entry) {
        return stage(stageName, kind, pattern, lane, nodes, fusedChains, entry, false);
    }

    /** @param routesByPolicy the stage contains a {@link #policyRoute}, which needs each message's topic */
    public PlanBuilder stage(String stageName, Stage.Kind kind, String pattern, Priority lane, List<String> nodes,
                             List<List<String>> fusedChains, Processor entry, boolean routesByPolicy) {
        stages.add(new Stage(stageName, kind, pattern, lane, nodes, fusedChains, entry, routesByPolicy));
        return this;
    }

    public PhysicalPlan build() {
        List<PlanDescription.StageDescription> described = new ArrayList<>();
        for (Stage s : stages) {
            described.add(new PlanDescription.StageDescription(s.name(), s.kind(), s.pattern(), s.lane(), s.nodes(),
                    s.fusedChains()));
        }
        PlanDescription description = new PlanDescription(name, described, publishes, timed, timerPeriod);
        return new PhysicalPlan(name, logical, stages, new ArrayList<>(publishers.values()), punctuated, counters,
                components, description, timerPeriod);
    }

    private static Processor specialized(Class<? extends Processor> template, Object... data) {
        return Specializer.create(template, Processor.class, data);
    }

    private TopicPublisher publisher(String topic, Priority lane) {
        publishes.merge(topic, lane, (a, b) -> a.isHigherThan(b) ? a : b);
        return publishers.computeIfAbsent(topic, TopicPublisher::new);
    }

    private Counter counter(String node, String event) {
        Counter counter = new Counter(node, event);
        counters.add(counter);
        return counter;
    }
}
