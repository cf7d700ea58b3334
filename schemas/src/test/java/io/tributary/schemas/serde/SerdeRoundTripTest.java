package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.TradeTick;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {

    private final TributarySerde serde = TributarySerde.get();

    @Test
    void everyMessageTypeRoundTripsAndIsPickedByFingerprint() {
        List<SpecificRecord> samples = SampleRecords.all();
        Set<Class<?>> covered = new HashSet<>();
        for (SpecificRecord sample : samples) {
            byte[] bytes = serde.encode(sample);
            SpecificRecord back = serde.decode(bytes);
            assertEquals(sample.getClass(), back.getClass());
            assertEquals(sample, back, sample.getClass().getSimpleName());
            assertEquals(sample.getClass(), serde.typeOf(bytes));
            covered.add(sample.getClass());
        }
        assertEquals(Set.copyOf(MessageTypes.all()), covered, "a sample for every message type");
    }

    @Test
    void bytesAreExactlyAvrosOwnSingleObjectEncoding() throws Exception {
        for (SpecificRecord sample : SampleRecords.all()) {
            @SuppressWarnings("unchecked")
            Class<SpecificRecord> type = (Class<SpecificRecord>) sample.getClass();
            SpecificData model = SpecificData.getForClass(type);
            BinaryMessageEncoder<SpecificRecord> avroEncoder = new BinaryMessageEncoder<>(model, sample.getSchema());
            byte[] avro = avroEncoder.encode(sample).array();
            byte[] ours = serde.encode(sample);
            assertArrayEquals(avro, ours, type.getSimpleName());
            BinaryMessageDecoder<SpecificRecord> avroDecoder = new BinaryMessageDecoder<>(model, sample.getSchema());
            assertEquals(sample, avroDecoder.decode(ours));
            assertEquals(serde.fingerprint(type), SingleObjectEncoding.readFingerprint(ours, 0, ours.length));
        }
    }

    @Test
    void utf8StringsMatchStringGetBytesIncludingSurrogates() throws Exception {
        for (String symbol : List.of("", "BTCUSDT", "Zürich-€", "😀🚀", "a\uD800b", "x\uDC00", "end\uD83D")) {
            InstrumentId id = new InstrumentId("V", symbol);
            byte[] ours = serde.encode(id);
            byte[] avro = InstrumentId.getEncoder().encode(id).array();
            assertArrayEquals(avro, ours, symbol);
            InstrumentId back = serde.decode(ours, InstrumentId.class);
            assertEquals(new String(symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8), back.getSymbol());
        }
    }

    @Test
    void allOutputFormsProduceTheSameBytes() throws Exception {
        QuoteTick quote = SampleRecords.quote();
        MessageWriter writer = serde.newWriter();
        byte[] expected = writer.encode(quote);

        byte[] dest = new byte[200];
        int n = writer.encode(quote, dest, 7);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(dest, 7, 7 + n));

        ByteBuffer heap = ByteBuffer.allocate(300);
        heap.position(3);
        ByteBuffer slice = heap.slice(); // non-zero array offset
        slice.position(5);
        assertEquals(expected.length, writer.encode(quote, slice));
        assertEquals(5 + expected.length, slice.position());
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(heap.array(), 8, 8 + expected.length));

        ByteBuffer direct = ByteBuffer.allocateDirect(100);
        assertEquals(expected.length, writer.encode(quote, direct));
        direct.flip();
        byte[] fromDirect = new byte[direct.remaining()];
        direct.get(fromDirect);
        assertArrayEquals(expected, fromDirect);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.encode(quote, out);
        assertArrayEquals(expected, out.toByteArray());

        int len = writer.encodeToScratch(quote);
        assertArrayEquals(expected, java.util.Arrays.copyOf(writer.scratch(), len));
    }

    @Test
    void scratchGrowsForLargeMessages() {
        MessageWriter writer = serde.newWriter();
        String longId = "x".repeat(5_000);
        TradeTick trade = TradeTick.newBuilder((TradeTick) SampleRecords.all().get(4)).setTradeId(longId).build();
        int len = writer.encodeToScratch(trade);
        assertTrue(len > 5_000);
        TradeTick back = serde.newReader().decode(writer.scratch(), 0, len, TradeTick.class, null);
        assertEquals(longId, back.getTradeId());
    }

    @Test
    void tooSmallBufferOverflowsWithoutMovingThePosition() {
        MessageWriter writer = serde.newWriter();
        ByteBuffer small = ByteBuffer.allocate(20);
        small.position(2);
        assertThrows(BufferOverflowException.class, () -> writer.encode(SampleRecords.quote(), small));
        assertEquals(2, small.position());
        assertThrows(BufferOverflowException.class, () -> writer.encode(SampleRecords.quote(), new byte[9], 0));
        ByteBuffer smallDirect = ByteBuffer.allocateDirect(20);
        assertThrows(BufferOverflowException.class, () -> writer.encode(SampleRecords.quote(), smallDirect));
        assertEquals(0, smallDirect.position());
        // the writer is still usable afterwards
        assertEquals(SampleRecords.quote(), serde.decode(writer.encode(SampleRecords.quote())));
    }

    @Test
    void decodeReusesTheRecordAndItsNestedRecords() {
        MessageWriter writer = serde.newWriter();
        MessageReader reader = serde.newReader();
        QuoteTick first = SampleRecords.quote();
        QuoteTick second = QuoteTick.newBuilder(first).setBidPrice(new Price(1L, 1)).setTsEvent(42L).build();

        byte[] a = writer.encode(first);
        byte[] b = writer.encode(second);
        QuoteTick reuse = reader.decode(a, 0, a.length, QuoteTick.class, null);
        Price nested = reuse.getBidPrice();
        QuoteTick again = reader.decode(b, 0, b.length, QuoteTick.class, reuse);
        assertSame(reuse, again);
        assertSame(nested, again.getBidPrice());
        assertEquals(second, again);

        // untyped decode: reuse is taken when the type matches, ignored otherwise
        assertSame(reuse, reader.decode(a, 0, a.length, reuse));
        byte[] id = writer.encode(SampleRecords.instrument());
        SpecificRecord other = reader.decode(id, 0, id.length, reuse);
        assertNotSame(reuse, other);
        assertEquals(SampleRecords.instrument(), other);
    }

    @Test
    void withoutARecordToReuseEachDecodeMakesANewOneWithNewNestedRecords() {
        MessageReader reader = serde.newReader();
        byte[] bytes = serde.newWriter().encode(SampleRecords.quote());
        QuoteTick first = reader.decode(bytes, 0, bytes.length, QuoteTick.class, null);
        QuoteTick second = reader.decode(bytes, 0, bytes.length, QuoteTick.class, null);
        SpecificRecord untyped = reader.decode(bytes, 0, bytes.length, null);
        assertNotSame(first, second, "a handler may keep what it was given: never hand out one record twice");
        assertNotSame(first.getBidPrice(), second.getBidPrice());
        assertNotSame(first, untyped);
        assertEquals(SampleRecords.quote(), first);
        assertEquals(SampleRecords.quote(), second);
        assertEquals(SampleRecords.quote(), untyped);
    }

    @Test
    void decodesFromBuffersAtAnOffset() {
        byte[] msg = serde.encode(SampleRecords.quote());
        byte[] framed = new byte[msg.length + 9];
        System.arraycopy(msg, 0, framed, 4, msg.length);
        MessageReader reader = serde.newReader();
        assertEquals(SampleRecords.quote(), reader.decode(framed, 4, msg.length, null));

        ByteBuffer heap = ByteBuffer.wrap(framed, 4, msg.length);
        assertEquals(SampleRecords.quote(), reader.decode(heap, QuoteTick.class, null));
        assertEquals(4 + msg.length, heap.position());

        ByteBuffer direct = ByteBuffer.allocateDirect(msg.length);
        direct.put(msg).flip();
        assertEquals(SampleRecords.quote(), serde.decode(direct));
        assertEquals(direct.limit(), direct.position());
    }

    @Test
    void nullRequiredFieldIsNamedInTheError() {
        QuoteTick broken = SampleRecords.quote();
        broken.getBidPrice(); // built complete, then damaged the way a bug would
        broken.setAskSize(null);
        MessageEncodingException e = assertThrows(MessageEncodingException.class, () -> serde.encode(broken));
        assertTrue(e.getMessage().contains("askSize"), e.getMessage());
        assertTrue(e.getMessage().contains("io.tributary.schemas.QuoteTick"), e.getMessage());

        InstrumentId noSymbol = new InstrumentId("V", null);
        QuoteTick nested = QuoteTick.newBuilder(SampleRecords.quote()).build();
        nested.setInstrument(noSymbol);
        MessageEncodingException n = assertThrows(MessageEncodingException.class, () -> serde.encode(nested));
        assertTrue(n.getMessage().contains("instrument.symbol"), n.getMessage());
    }

    @Test
    void concurrentUseOfTheSharedSerdeIsSafe() throws Exception {
        List<SpecificRecord> samples = SampleRecords.all();
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        SpecificRecord r = samples.get(i % samples.size());
                        assertEquals(r, serde.decode(serde.encode(r)));
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}
