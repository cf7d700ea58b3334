package io.tributary.runtime.compile;

import io.tributary.api.dsl.Router;
import io.tributary.api.dsl.internal.BranchNode;
import io.tributary.api.dsl.internal.ConflateNode;
import io.tributary.api.dsl.internal.FunctionNode;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.LaneNode;
import io.tributary.api.dsl.internal.RouteNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SplitNode;
import io.tributary.api.dsl.internal.ThrottleNode;
import io.tributary.api.dsl.internal.WindowNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.plan.PlanComponent;
import io.tributary.runtime.plan.PolicyRouter;
import io.tributary.runtime.plan.VenueConnection;
import io.tributary.runtime.plan.PlanBuilder;
import io.tributary.runtime.plan.Processor;
import io.tributary.runtime.plan.SinkTarget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the processors of each stage, successors first, one processor per logical node (shared by
 * every stage that reaches it). Pass-through nodes (sources, branches, merges) add no processor.
 */
final class PlanAssembler {
    private final LogicalGraph graph;
    private final Map<Integer, Object> resolvedPlugins;
    private final PlanBuilder builder;
    private final Map<Integer, Processor> built = new HashMap<>();
    private final Map<Integer, Processor> repartitions = new HashMap<>();

    PlanAssembler(LogicalGraph graph, Map<Integer, Object> resolvedPlugins, Duration timerPeriod) {
        this.graph = graph;
        this.resolvedPlugins = resolvedPlugins;
        this.builder = new PlanBuilder(graph.name(), graph.description()).timerPeriod(timerPeriod);
    }

    PhysicalPlan assemble(List<StageSpec> stages) {
        for (StageSpec stage : stages) {
            Processor entry = processor(stage.entry());
            boolean routesByPolicy = stage.members().stream()
                    .anyMatch(n -> resolvedPlugins.get(n.id()) instanceof PolicyRouter);
            builder.stage(stage.entry().name(), stage.kind(), stage.pattern(), stage.lane(), names(stage.members()),
                    stage.fusedChains().stream().map(PlanAssembler::names).toList(), entry, routesByPolicy);
        }
        return builder.build();
    }

    private Processor processor(GraphNode node) {
        Processor p = built.get(node.id());
        if (p == null) {
            p = create(node);
            built.put(node.id(), p);
        }
        return p;
    }

    /** The processor a parent calls to reach {@code child}: the child itself, or a repartition in front of it. */
    private Processor inputOf(GraphNode child) {
        if (!KeyPinning.needsRepartition(child)) {
            return processor(child);
        }
        return repartitions.computeIfAbsent(child.id(), id -> builder.repartition(
                KeyPinning.internalTopic(graph.name(), child), graph.lane(child.parents().get(0))));
    }

    private Processor next(GraphNode node) {
        List<Processor> targets = new ArrayList<>();
        for (GraphNode child : node.children()) {
            targets.add(inputOf(child));
        }
        return targets.isEmpty() ? builder.discard() : builder.fanOut(targets);
    }

    @SuppressWarnings("unchecked")
    private Processor create(GraphNode node) {
        switch (node.type()) {
            case SOURCE_VENUE:
                if (resolvedPlugins.get(node.id()) instanceof VenueConnection venue) {
                    venue.subscribe(((SourceNode) node).pattern());
                    builder.component(venue);
                }
                return next(node);
            case SOURCE_TOPIC:
            case BRANCH:
            case MERGE:
                return next(node);
            case FILTER:
                return builder.filter((Predicate<?>) fn(node), next(node));
            case MAP:
                return builder.map((Function<?, ?>) fn(node), next(node));
            case FLAT_MAP:
                return builder.flatMap((Function<?, ?>) fn(node), next(node));
            case PEEK:
                return builder.peek((Consumer<?>) fn(node), next(node));
            case KEY_BY:
                return builder.keyBy((Function<?, ?>) fn(node), next(node));
            case FOR_EACH:
                return builder.forEach((Consumer<?>) fn(node));
            case SPLIT:
                return split((SplitNode) node);
            case LANE:
                return builder.lane(((LaneNode) node).lane(), next(node));
            case ROUTE:
                RouteNode route = (RouteNode) node;
                Object plugin = resolvedPlugins.get(node.id());
                if (route.router() == null && plugin instanceof PolicyRouter policy) {
                    component(policy);
                    return builder.policyRoute(node.name(), policy, next(node));
                }
                Router<?> router = route.router() != null ? route.router() : (Router<?>) plugin;
                return builder.route(node.name(), router, next(node));
            case CONFLATE:
                return builder.conflate((ConflateNode) node, graph.lane(node), next(node));
            case THROTTLE:
                return builder.throttle((ThrottleNode) node, next(node));
            case WINDOW_AGGREGATE:
                return builder.window((WindowNode) node, graph.lane(node), next(node));
            case SINK_TOPIC:
                return builder.toTopic(((SinkNode) node).topic(), graph.lane(node));
            case SINK_PLUGIN:
                Object target = resolvedPlugins.get(node.id());
                if (target instanceof VenueConnection venue) {
                    builder.component(venue);
                    return builder.toPlugin(venue.commands());
                }
                component(target);
                return builder.toPlugin((SinkTarget) target);
            default:
                throw new IllegalStateException("no processor for " + node);
        }
    }

    private void component(Object plugin) {
        if (plugin instanceof PlanComponent c) {
            builder.component(c);
        }
    }

    private Processor split(SplitNode split) {
        List<Predicate<Object>> predicates = new ArrayList<>();
        List<Processor> branches = new ArrayList<>();
        for (BranchNode branch : split.branches()) {
            predicates.add(branch.predicate());
            branches.add(processor(branch));
        }
        return builder.split(predicates, branches);
    }

    private static Object fn(GraphNode node) {
        return ((FunctionNode) node).function();
    }

    private static List<String> names(List<GraphNode> nodes) {
        return nodes.stream().map(GraphNode::name).toList();
    }
}
