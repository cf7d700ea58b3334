package io.tributary.bench.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.transport.kafka.KafkaLanePublisher;
import io.tributary.runtime.transport.kafka.KafkaLaneSettings;
import io.tributary.runtime.transport.kafka.KafkaLanes;
import io.tributary.runtime.transport.kafka.PriorityLaneConsumer;
import io.tributary.schemas.QuoteTick;

import java.time.Duration;
import java.util.List;

/**
 * Tributary's lane transport: {@link KafkaLanePublisher} (Avro encode, message-id header) → lane
 * topic → {@link PriorityLaneConsumer} (id dedup, Avro decode) → bus → an inline handler.
 */
final class TributaryKafkaPeer implements KafkaPeer {
    static final String STREAM = "bench.quotes";

    private final KafkaLanePublisher publisher;
    private final PriorityLaneConsumer consumer;
    private final LocalMessageBus bus;
    private final QuoteTick quote;
    private volatile long received;

    TributaryKafkaPeer(KafkaLaneSettings settings, QuoteTick template, Sink sink) {
        KafkaLanes lanes = new KafkaLanes(settings);
        lanes.createTopics(List.of(STREAM), 1);
        this.quote = QuoteTick.newBuilder(template).build();
        this.bus = LocalMessageBus.withDefaults();
        bus.subscribe(STREAM, (Envelope<QuoteTick> m) -> {
            sink.received(m.payload().getTsInit());
            received++;   // one consuming thread (the NORMAL lane's) calls this inline
        }, SubscribeOptions.inline());
        this.publisher = lanes.publisher();
        this.consumer = lanes.consumer(bus, List.of(STREAM)).start();
    }

    @Override
    public void awaitReady() throws InterruptedException {
        consumer.awaitAssignment(Duration.ofSeconds(60));
    }

    /** Single sender thread: the quote is reused, the publisher encodes it before returning. */
    @Override
    public void send(long sendNanos) {
        quote.setTsInit(sendNanos);
        publisher.publish(STREAM, null, quote, Priority.NORMAL);
    }

    @Override
    public void flush() {
        publisher.flush();
    }

    @Override
    public long received() {
        return received;
    }

    @Override
    public void close() {
        consumer.close();
        publisher.close();
        bus.close();
    }
}
