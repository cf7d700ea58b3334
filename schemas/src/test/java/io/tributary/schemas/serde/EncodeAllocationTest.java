package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import io.tributary.schemas.QuoteTick;
import org.junit.jupiter.api.Test;

/**
 * Encoding a quote into a caller's buffer allocates nothing, and decoding into a reused record
 * allocates only its strings and Avro's per-call byte source. Measured with the thread's allocation counter, which counts bytes,
 * not time, so it is deterministic on a loaded machine; the bound is per operation, with slack
 * for the counter's own noise.
 */
class EncodeAllocationTest {

    private static final int OPS = 20_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * Fewest bytes per operation over a few rounds: the first rounds also count one-off work on
     * this thread (class loading, the management bean's own set-up), which is not per message.
     */
    private static long minBytesPerOp(Runnable op) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = allocatedBytes();
            for (int i = 0; i < OPS; i++) {
                op.run();
            }
            best = Math.min(best, (allocatedBytes() - before) / OPS);
        }
        return best;
    }

    private static boolean supported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled();
    }

    @Test
    void encodingAQuoteIntoACallersBufferAllocatesNothing() {
        assumeTrue(supported(), "JVM without per-thread allocation counters");
        MessageWriter writer = TributarySerde.get().newWriter();
        QuoteTick quote = SampleRecords.quote();
        byte[] buffer = new byte[128];
        long perOp = minBytesPerOp(() -> writer.encode(quote, buffer, 0));
        assertEquals(quote, TributarySerde.get().decode(java.util.Arrays.copyOf(buffer, writer.encode(quote, buffer, 0))));
        assertEquals(0, perOp, "bytes allocated per encode");
    }

    @Test
    void decodingIntoAReusedQuoteAllocatesOnlyItsStringsAndAvrosByteSource() {
        assumeTrue(supported(), "JVM without per-thread allocation counters");
        TributarySerde serde = TributarySerde.get();
        MessageReader reader = serde.newReader();
        byte[] message = serde.encode(SampleRecords.quote());
        QuoteTick reuse = reader.decode(message, 0, message.length, QuoteTick.class, null);
        long reusing = minBytesPerOp(() -> reader.decode(message, 0, message.length, QuoteTick.class, reuse));
        long fresh = minBytesPerOp(() -> reader.decode(message, 0, message.length, QuoteTick.class, null));
        assertEquals(SampleRecords.quote(), reuse);
        // left: venue and symbol (String + byte[] each, about 48 B apiece) and the byte source and
        // buffer accessor Avro's BinaryDecoder creates per configure (about 64 B together)
        assertTrue(reusing <= 256, "bytes allocated per decode with reuse: " + reusing);
        // a fresh QuoteTick with its InstrumentId and four Price/Quantity records is at least 120 B more
        assertTrue(fresh - reusing >= 120, "reuse saves the records: fresh " + fresh + " B, reusing " + reusing + " B");
    }
}
