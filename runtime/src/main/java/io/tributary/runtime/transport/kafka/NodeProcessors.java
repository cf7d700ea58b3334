package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Router;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import io.tributary.runtime.transport.avro.PayloadMapping;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Kafka Streams processors (Processor API) that Tributary's stateless operators become, one per
 * logical node. Values between processors are plain Java objects (Kafka Streams serializes only at
 * sources and sinks). The lane and a routed destination travel as record headers, because a route
 * may change them per record.
 */
final class NodeProcessors {
    /** Header: the record's lane, one byte (the ordinal); absent means NORMAL, where sources start. */
    static final String LANE = "tributary.lane";
    /** Header: a destination topic a route chose, UTF-8. */
    static final String ROUTED_TOPIC = "tributary.route";

    private static final byte[][] LANE_BYTES = new byte[Priority.COUNT][];

    static {
        for (int i = 0; i < Priority.COUNT; i++) {
            LANE_BYTES[i] = new byte[] {(byte) i};
        }
    }

    private NodeProcessors() {
    }

    static Priority laneOf(Headers headers) {
        Header h = headers.lastHeader(LANE);
        return h == null ? Priority.NORMAL : Priority.ofOrdinal(h.value()[0]);
    }

    static String routedTopicOf(Headers headers) {
        Header h = headers.lastHeader(ROUTED_TOPIC);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A copy of the headers with one replaced: siblings of a fan-out keep their own. */
    private static RecordHeaders with(Headers headers, String name, byte[] value) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(name);
        copy.add(name, value);
        return copy;
    }

    /** Base: keeps the context to forward with. */
    abstract static class Base implements Processor<Object, Object, Object, Object> {
        ProcessorContext<Object, Object> context;

        @Override
        public void init(ProcessorContext<Object, Object> context) {
            this.context = context;
        }
    }

    /** Sources, branches and merges: forwards everything. */
    static final class PassThrough extends Base {
        @Override
        public void process(Record<Object, Object> record) {
            context.forward(record);
        }
    }

    static final class Filter extends Base {
        private final Predicate<Object> predicate;

        @SuppressWarnings("unchecked")
        Filter(Object predicate) {
            this.predicate = (Predicate<Object>) predicate;
        }

        @Override
        public void process(Record<Object, Object> record) {
            if (predicate.test(record.value())) {
                context.forward(record);
            }
        }
    }

    static final class MapValue extends Base {
        private final Function<Object, Object> mapper;

        @SuppressWarnings("unchecked")
        MapValue(Object mapper) {
            this.mapper = (Function<Object, Object>) mapper;
        }

        @Override
        public void process(Record<Object, Object> record) {
            context.forward(record.withValue(mapper.apply(record.value())));
        }
    }

    static final class FlatMap extends Base {
        private final Function<Object, Iterable<?>> mapper;

        @SuppressWarnings("unchecked")
        FlatMap(Object mapper) {
            this.mapper = (Function<Object, Iterable<?>>) mapper;
        }

        @Override
        public void process(Record<Object, Object> record) {
            Iterable<?> values = mapper.apply(record.value());
            if (values != null) {
                for (Object each : values) {
                    context.forward(record.withValue(each));
                }
            }
        }
    }

    static final class Peek extends Base {
        private final Consumer<Object> action;

        @SuppressWarnings("unchecked")
        Peek(Object action) {
            this.action = (Consumer<Object>) action;
        }

        @Override
        public void process(Record<Object, Object> record) {
            action.accept(record.value());
            context.forward(record);
        }
    }

    /** Terminal {@code forEach}. */
    static final class ForEach extends Base {
        private final Consumer<Object> action;

        @SuppressWarnings("unchecked")
        ForEach(Object action) {
            this.action = (Consumer<Object>) action;
        }

        @Override
        public void process(Record<Object, Object> record) {
            action.accept(record.value());
        }
    }

    /** Sets the key; the sink writes it as the Kafka key, so it also picks the output partition. */
    static final class KeyBy extends Base {
        private final Function<Object, Object> key;

        @SuppressWarnings("unchecked")
        KeyBy(Object key) {
            this.key = (Function<Object, Object>) key;
        }

        @Override
        public void process(Record<Object, Object> record) {
            context.forward(record.withKey(key.apply(record.value())));
        }
    }

    static final class Lane extends Base {
        private final byte[] lane;

        Lane(Priority lane) {
            this.lane = LANE_BYTES[lane.ordinal()];
        }

        @Override
        public void process(Record<Object, Object> record) {
            context.forward(record.withHeaders(with(record.headers(), LANE, lane)));
        }
    }

    /** A route: null drops (counted), otherwise a lane and/or destination for this record. */
    static final class RouteStep extends Base {
        private final Router<Object> router;
        private final java.util.concurrent.atomic.LongAdder dropped;

        RouteStep(Router<Object> router, java.util.concurrent.atomic.LongAdder dropped) {
            this.router = router;
            this.dropped = dropped;
        }

        @Override
        public void process(Record<Object, Object> record) {
            Route route = router.route(record.value());
            if (route == null) {
                dropped.increment();
                return;
            }
            Headers headers = record.headers();
            if (route.lane() != null) {
                headers = with(headers, LANE, LANE_BYTES[route.lane().ordinal()]);
            }
            if (route.topic() != null) {
                headers = with(headers, ROUTED_TOPIC, route.topic().getBytes(StandardCharsets.UTF_8));
            }
            context.forward(headers == record.headers() ? record : record.withHeaders(headers));
        }
    }

    /** To the first branch whose predicate accepts (null = default branch). */
    static final class Split extends Base {
        private final List<Predicate<Object>> predicates;
        private final List<String> branches;

        Split(List<Predicate<Object>> predicates, List<String> branches) {
            this.predicates = predicates;
            this.branches = branches;
        }

        @Override
        public void process(Record<Object, Object> record) {
            for (int i = 0; i < predicates.size(); i++) {
                Predicate<Object> p = predicates.get(i);
                if (p == null || p.test(record.value())) {
                    context.forward(record, branches.get(i));
                    return;
                }
            }
        }
    }

    /**
     * In front of each sink: stamps a message id derived from the input record (topic, partition,
     * offset), the sink and the output's position among that input's outputs. Reprocessing an input
     * after a failure (at-least-once) therefore writes the same ids, and a consumer that drops
     * recently seen ids ({@link PriorityLaneConsumer}) sees each output once.
     *
     * <p>Also turns the value into the Avro record the sink writes ({@link PayloadMapping#toAvro});
     * one that cannot be written is dropped and counted rather than stopping the stream thread, so
     * one output of a type without a schema does not stop every other output.
     */
    static final class Stamp extends Base {
        private static final Logger LOG = LoggerFactory.getLogger(Stamp.class);
        private static final AtomicBoolean WARNED = new AtomicBoolean();

        private final String sinkName;
        private final String topic;
        private final PayloadMapping mapping;
        private final LongAdder notSent;
        private final long sinkSalt;
        private String lastTopic;
        private int lastPartition = -1;
        private long lastOffset = -1;
        private long sequence;

        Stamp(String sinkName, String topic, PayloadMapping mapping, LongAdder notSent) {
            this.sinkName = sinkName;
            this.topic = topic;
            this.mapping = mapping;
            this.notSent = notSent;
            this.sinkSalt = mix(sinkName.hashCode());
        }

        @Override
        public void process(Record<Object, Object> record) {
            Object value = record.value();
            SpecificRecord avro = null;
            RuntimeException error = null;
            try {
                avro = mapping.toAvro(value);
            } catch (RuntimeException e) {
                error = e;
            }
            if (avro == null && value != null) {
                notSent.increment();
                if (WARNED.compareAndSet(false, true)) {
                    LOG.warn("sink {}: a {} cannot be written to Kafka topic {} ({}); dropped and counted as {}.not-sent,"
                                    + " only the first is logged", sinkName, value.getClass().getName(), topic,
                            error != null ? error.getMessage() : "not an Avro record and no payload mapping for it",
                            sinkName);
                }
                return;
            }
            RecordMetadata md = context.recordMetadata().orElse(null);
            long id;
            if (md == null) {
                id = mix(System.nanoTime() ^ sinkSalt);   // punctuation-born record: no input to derive from
            } else {
                if (md.offset() != lastOffset || md.partition() != lastPartition || !md.topic().equals(lastTopic)) {
                    lastTopic = md.topic();
                    lastPartition = md.partition();
                    lastOffset = md.offset();
                    sequence = 0;
                }
                id = mix(mix(mix(md.topic().hashCode() ^ sinkSalt) + md.partition()) + md.offset()) + sequence++;
            }
            RecordHeaders headers = with(record.headers(), KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(id));
            // Kafka Streams hands a record's headers on: an input the bridge sent from the bus would
            // mark this output as the bus's own, and the run's read-back would leave it out
            headers.remove(KafkaHeaders.FROM_BUS);
            context.forward(record.<Object>withValue(avro).withHeaders(headers));
        }

        /** SplitMix64's finalizer: spreads the inputs over all 64 bits. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
