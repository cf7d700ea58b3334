package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Split;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Named;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Builds the {@link BranchNode}s of a {@link SplitNode}. */
final class SplitImpl<T> implements Split<T> {
    private final InternalGraph graph;
    private final SplitNode split;
    private final Map<String, Stream<T>> branches = new LinkedHashMap<>();
    private boolean closed;

    SplitImpl(InternalGraph graph, SplitNode split) {
        this.graph = graph;
        this.split = split;
    }

    @Override
    public Split<T> branch(String name, Predicate<? super T> predicate) {
        add(name, Objects.requireNonNull(predicate, "predicate"));
        return this;
    }

    @Override
    public Split<T> defaultBranch(String name) {
        add(name, null);
        closed = true;
        return this;
    }

    private void add(String name, Predicate<? super T> predicate) {
        Objects.requireNonNull(name, "branch name");
        if (closed) {
            throw new IllegalStateException("split " + split.name() + " already has its default branch; cannot add '" + name + "'");
        }
        if (branches.containsKey(name)) {
            throw new IllegalArgumentException("split " + split.name() + " already has a branch named '" + name + "'");
        }
        Named nodeName = Named.as(split.name() + "-" + name);
        BranchNode branch = graph.add(new BranchNode(graph.nextId(), nodeName, name, predicate), split);
        branches.put(name, new StreamImpl<>(graph, branch));
    }

    @Override
    public Stream<T> branch(String name) {
        Stream<T> stream = branches.get(name);
        if (stream == null) {
            throw new IllegalArgumentException("split " + split.name() + " has no branch '" + name
                    + "'; branches: " + branches.keySet());
        }
        return stream;
    }

    @Override
    public Map<String, Stream<T>> branches() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }
}
