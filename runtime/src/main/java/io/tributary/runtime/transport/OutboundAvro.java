package io.tributary.runtime.transport;

import io.tributary.api.Envelope;
import io.tributary.runtime.transport.avro.PayloadMapping;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a transport bridge does with a bus message before sending it out of the process: its Avro
 * record under the payload mapping, or, when it has none, a count and one warning (a bus payload
 * that only lives in-process is not an error of the message, so it is not dead-lettered).
 */
public final class OutboundAvro {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundAvro.class);

    private final PayloadMapping payloads;
    private final String transport;
    private final LongAdder notAvro = new LongAdder();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param transport named in the warning: {@code Kafka}, {@code Redis} */
    public OutboundAvro(PayloadMapping payloads, String transport) {
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** The message's Avro record, or null (counted; the first one logged) when it has none. */
    public SpecificRecord recordOf(Envelope<?> m) {
        SpecificRecord record;
        try {
            record = payloads.toAvro(m.payload());
        } catch (IllegalArgumentException e) {
            record = null;
        }
        if (record == null) {
            notAvro.increment();
            if (warned.compareAndSet(false, true)) {
                LOG.warn("{} on {} has no Avro form and cannot be sent to {} (counted, not sent; only the first is logged)",
                        m.payload() == null ? "null" : m.payload().getClass().getName(), m.topic(), transport);
            }
        }
        return record;
    }

    /** Messages that had no Avro form, so were not sent. */
    public long notAvro() {
        return notAvro.sum();
    }
}
