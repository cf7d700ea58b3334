package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends each message to the first of its {@link BranchNode} children whose predicate accepts it. */
public final class SplitNode extends GraphNode {

    SplitNode(int id, Named named) {
        super(id, OperatorType.SPLIT, named);
    }

    /** The branches, in the order predicates are tried (the default branch, if any, last). */
    public List<BranchNode> branches() {
        List<BranchNode> branches = new ArrayList<>();
        for (GraphNode child : children()) {
            branches.add((BranchNode) child);
        }
        return branches;
    }

    @Override
    public void describeAttributes(Map<String, String> out) {
        List<String> names = new ArrayList<>();
        for (BranchNode branch : branches()) {
            names.add(branch.branchName() + (branch.isDefault() ? " (default)" : ""));
        }
        out.put("branches", names.toString());
    }
}
