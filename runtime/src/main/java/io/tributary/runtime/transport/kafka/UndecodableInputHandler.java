package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link KafkaPlan} does with an input record that is not valid Avro: Kafka's
 * {@link LogAndContinueExceptionHandler} (logged, skipped, written to {@code <app>.dlq} by Kafka
 * Streams), counted. Kafka Streams makes it from its class name, so it is public;
 * {@link KafkaPlan#streamsConfig()} hands it its counter.
 */
public final class UndecodableInputHandler extends LogAndContinueExceptionHandler {
    /** Config key under which the plan passes the {@link LongAdder} to count into. */
    static final String UNDECODABLE = "tributary.undecodable";

    private LongAdder undecodable = new LongAdder();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(UNDECODABLE) instanceof LongAdder counter) {
            undecodable = counter;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        undecodable.increment();
        return super.handleError(context, record, exception);
    }
}
