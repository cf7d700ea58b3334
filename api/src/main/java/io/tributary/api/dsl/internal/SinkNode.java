package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;
import io.tributary.api.graph.PluginRef;

import java.util.List;

/** Publishes to a topic, or hands values to a sink or venue plugin. */
public final class SinkNode extends GraphNode {
    private final String topic;
    private final PluginRef target;

    SinkNode(int id, Named named, String topic, PluginRef target) {
        super(id, topic != null ? OperatorType.SINK_TOPIC : OperatorType.SINK_PLUGIN, named);
        if ((topic == null) == (target == null)) {
            throw new IllegalArgumentException("a sink needs exactly one of a topic or a plugin reference");
        }
        this.topic = topic;
        this.target = target;
    }

    /** Unvalidated topic as written, or null for a plugin sink. */
    public String topic() {
        return topic;
    }

    @Override
    public List<String> topics() {
        return topic == null ? List.of() : List.of(topic);
    }

    @Override
    public PluginRef plugin() {
        return target;
    }
}
