package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

import java.util.Map;
import java.util.function.Predicate;

/** One output of a {@link SplitNode}; the default branch has no predicate. */
public final class BranchNode extends GraphNode {
    private final String branchName;
    private final Predicate<Object> predicate;

    @SuppressWarnings("unchecked")
    BranchNode(int id, Named named, String branchName, Predicate<?> predicate) {
        super(id, OperatorType.BRANCH, named);
        this.branchName = branchName;
        this.predicate = (Predicate<Object>) predicate;
    }

    public String branchName() {
        return branchName;
    }

    /** Null for the default branch. */
    public Predicate<Object> predicate() {
        return predicate;
    }

    public boolean isDefault() {
        return predicate == null;
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        out.put("branch", branchName + (isDefault() ? " (default)" : ""));
    }
}
