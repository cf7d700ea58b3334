package io.tributary.runtime.plan;

import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;

/**
 * One subscription of a plan and the fused operators it runs: everything reachable from its entry
 * up to the next stage boundary executes as direct calls on the delivering worker.
 */
public final class Stage {

    /** Why the stage exists. */
    public enum Kind {
        /** Consumes a source pattern of the topology. */
        SOURCE,
        /** Consumes an internal topic that re-keyed the stream in front of a keyed operator. */
        REPARTITION
    }

    private final String name;
    private final Kind kind;
    private final String pattern;
    private final Priority lane;
    private final List<String> nodes;
    private final List<List<String>> fusedChains;
    private final MessageHandler<Object> handler;

    Stage(String name, Kind kind, String pattern, Priority lane, List<String> nodes, List<List<String>> fusedChains,
          Processor entry) {
        this(name, kind, pattern, lane, nodes, fusedChains, entry, false);
    }

    /** @param tracksTopic the stage routes by policy: its handler records each message's topic for the policy */
    Stage(String name, Kind kind, String pattern, Priority lane, List<String> nodes, List<List<String>> fusedChains,
          Processor entry, boolean tracksTopic) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.nodes = List.copyOf(nodes);
        this.fusedChains = fusedChains.stream().map(List::copyOf).toList();
        this.handler = handler(kind, entry, tracksTopic);
    }

    @SuppressWarnings("unchecked")
    private static MessageHandler<Object> handler(Kind kind, Processor entry, boolean tracksTopic) {
        // a copy per stage: the entry call site sees one processor class (see Specializer)
        Class<?> template = kind == Kind.SOURCE
                ? (tracksTopic ? TopicTrackingSourceHandler.class : SourceHandler.class)
                : (tracksTopic ? TopicTrackingRepartitionHandler.class : RepartitionHandler.class);
        return Specializer.create(template, MessageHandler.class, entry);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The pattern the stage subscribes to. */
    public String pattern() {
        return pattern;
    }

    /** The lane the subscription is delivered on: the highest lane any of its nodes publishes on. */
    public Priority lane() {
        return lane;
    }

    /** Logical node names this stage runs, in id order. */
    public List<String> nodes() {
        return nodes;
    }

    /** Runs of stateless operators executed back to back (each run of two or more nodes). */
    public List<List<String>> fusedChains() {
        return fusedChains;
    }

    /** The bus handler: runs the stage's operators on one message. */
    public MessageHandler<Object> handler() {
        return handler;
    }

    /** Source messages start on NORMAL: lanes are a property of the topology, set by {@code lane()}. */
    static final class SourceHandler implements MessageHandler<Object> {
        private static final Processor ENTRY = Specializer.data(MethodHandles.lookup(), 0, Processor.class);

        @Override
        public void onMessage(Envelope<Object> message) {
            ENTRY.process(message.key(), message.payload(), message.publishTimeNanos(), Priority.NORMAL, null);
        }
    }

    static final class RepartitionHandler implements MessageHandler<Object> {
        private static final Processor ENTRY = Specializer.data(MethodHandles.lookup(), 0, Processor.class);

        @Override
        public void onMessage(Envelope<Object> message) {
            SinkProcessors.Repartitioned record = (SinkProcessors.Repartitioned) message.payload();
            ENTRY.process(message.key(), record.value(), record.timestampNanos(), message.priority(), null);
        }
    }

    /** {@link SourceHandler} that shows the message's topic to the policy steps of the stage. */
    static final class TopicTrackingSourceHandler implements MessageHandler<Object> {
        private static final Processor ENTRY = Specializer.data(MethodHandles.lookup(), 0, Processor.class);

        @Override
        public void onMessage(Envelope<Object> message) {
            RoutingEnvelope current = RoutingEnvelope.current();
            String outer = current.sourceTopic;
            current.sourceTopic = message.topic();
            try {
                ENTRY.process(message.key(), message.payload(), message.publishTimeNanos(), Priority.NORMAL, null);
            } finally {
                current.sourceTopic = outer;
            }
        }
    }

    /** {@link RepartitionHandler} that shows the (internal) topic to the policy steps of the stage. */
    static final class TopicTrackingRepartitionHandler implements MessageHandler<Object> {
        private static final Processor ENTRY = Specializer.data(MethodHandles.lookup(), 0, Processor.class);

        @Override
        public void onMessage(Envelope<Object> message) {
            RoutingEnvelope current = RoutingEnvelope.current();
            String outer = current.sourceTopic;
            current.sourceTopic = message.topic();
            try {
                SinkProcessors.Repartitioned record = (SinkProcessors.Repartitioned) message.payload();
                ENTRY.process(message.key(), record.value(), record.timestampNanos(), message.priority(), null);
            } finally {
                current.sourceTopic = outer;
            }
        }
    }
}
