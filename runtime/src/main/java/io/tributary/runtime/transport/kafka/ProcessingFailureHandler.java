package io.tributary.runtime.transport.kafka;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link KafkaPlan} does when one of its processors throws on a record (a filter, map or
 * router of the topology failing): what the in-process engine does with a failing handler. The
 * record is skipped and logged, its input record is written to {@code <app>.dlq} with the exception
 * in Kafka Streams' {@code __streams.errors.*} headers, it is counted, and processing goes on. Kafka
 * Streams' own default would stop the whole application on the first such record. Kafka Streams
 * makes it from its class name, so it is public; {@link KafkaPlan#streamsConfig()} hands it its
 * counter.
 */
public final class ProcessingFailureHandler extends LogAndContinueProcessingExceptionHandler {
    /** Config key under which the plan passes the {@link LongAdder} to count into. */
    static final String FAILURES = "tributary.processing.failures";

    private LongAdder failures = new LongAdder();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(FAILURES) instanceof LongAdder counter) {
            failures = counter;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        failures.increment();
        return super.handleError(context, record, exception);
    }
}
