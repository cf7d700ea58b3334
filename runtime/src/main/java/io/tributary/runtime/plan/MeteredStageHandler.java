package io.tributary.runtime.plan;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.runtime.metrics.NodeMetrics;
import io.tributary.runtime.metrics.TributaryMetrics;

/**
 * A stage's bus handler with its meters: {@code tributary.<topology>.<stage>.in} per message taken,
 * {@code .out} per message the stage finished, {@code .errors} per failure (the bus still
 * dead-letters it), and the publish → stage latency, sampled one message in
 * {@value #LATENCY_SAMPLE} (a clock read costs as much as a short stage).
 */
final class MeteredStageHandler implements MessageHandler<Object> {
    static final int LATENCY_SAMPLE = 16;

    private final MessageHandler<Object> stage;
    private final NodeMetrics node;
    private final EpochClock clock;
    /** Racy across workers on purpose: it only spaces the samples out. */
    private int sampleCountdown;

    private MeteredStageHandler(MessageHandler<Object> stage, NodeMetrics node, EpochClock clock) {
        this.stage = stage;
        this.node = node;
        this.clock = clock;
    }

    /** Registers the stage's meters (as a source for source stages: the silent-venue rule watches those). */
    static MessageHandler<Object> wrap(Stage stage, String topology, TributaryMetrics metrics) {
        NodeMetrics node = stage.kind() == Stage.Kind.SOURCE
                ? metrics.source(topology, stage.name())
                : metrics.node(topology, stage.name());
        return new MeteredStageHandler(stage.handler(), node, metrics.clock());
    }

    @Override
    public void onMessage(Envelope<Object> message) throws Exception {
        node.in();
        if (--sampleCountdown <= 0) {
            sampleCountdown = LATENCY_SAMPLE;
            node.latency(clock.nowNanos() - message.publishTimeNanos());
        }
        try {
            stage.onMessage(message);
        } catch (Exception | Error e) {
            node.error();
            throw e;
        }
        node.out();
    }
}
