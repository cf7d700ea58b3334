package io.tributary.runtime.compile;

import io.tributary.api.InvalidPatternException;
import io.tributary.api.Topic;
import io.tributary.api.TopicPattern;
import io.tributary.api.dsl.internal.GraphNode;
import io.tributary.api.dsl.internal.SinkNode;
import io.tributary.api.dsl.internal.SourceNode;
import io.tributary.api.dsl.internal.WindowNode;

import java.util.List;

/** Source patterns, sink topics and late topics must follow the topic grammar. */
final class TopicCheck implements Check {
    @Override
    public void check(LogicalGraph graph, List<Problem> problems) {
        for (GraphNode node : graph.nodes()) {
            try {
                if (node instanceof SourceNode source) {
                    TopicPattern.parse(source.pattern());
                } else if (node instanceof SinkNode sink && sink.topic() != null) {
                    Topic.validate(sink.topic());
                } else if (node instanceof WindowNode window && window.lateTopic() != null) {
                    Topic.validate(window.lateTopic());
                }
            } catch (InvalidPatternException e) {
                problems.add(new Problem(node.name(), e.getMessage()));
            }
        }
    }

    /** The source's pattern, or null when it is invalid (reported by this check). */
    static TopicPattern patternOrNull(SourceNode source) {
        try {
            return TopicPattern.parse(source.pattern());
        } catch (InvalidPatternException e) {
            return null;
        }
    }
}
