package io.tributary.api.dsl.internal;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

import java.util.Objects;

/** Moves the stream to a lane. */
public final class LaneNode extends GraphNode {
    private final Priority lane;

    LaneNode(int id, Named named, Priority lane) {
        super(id, OperatorType.LANE, named);
        this.lane = Objects.requireNonNull(lane, "lane");
    }

    public Priority lane() {
        return lane;
    }
}
