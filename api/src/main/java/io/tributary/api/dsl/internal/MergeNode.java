package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

/** The union of its parents' streams. */
public final class MergeNode extends GraphNode {
    MergeNode(int id, Named named) {
        super(id, OperatorType.MERGE, named);
    }
}
