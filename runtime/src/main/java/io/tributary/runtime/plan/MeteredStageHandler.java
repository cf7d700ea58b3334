package io.tributary.runtime.plan;

import io.tributary.api.MessageHandler;
import io.tributary.runtime.metrics.MeteredHandler;
import io.tributary.runtime.metrics.NodeMetrics;
import io.tributary.runtime.metrics.TributaryMetrics;

/**
 * A stage's bus handler with its meters, {@code tributary.<topology>.<stage>.{in,out,errors,latency}}
 * (see {@link MeteredHandler}).
 */
final class MeteredStageHandler {
    private MeteredStageHandler() {
    }

    /** Registers the stage's meters (as a source for source stages: the silent-venue rule watches those). */
    static MessageHandler<Object> wrap(Stage stage, String topology, TributaryMetrics metrics) {
        NodeMetrics node = stage.kind() == Stage.Kind.SOURCE
                ? metrics.source(topology, stage.name())
                : metrics.node(topology, stage.name());
        return MeteredHandler.wrap(stage.handler(), node, metrics.clock());
    }
}
