package io.tributary.runtime.transport;

import io.tributary.api.DeadLetter;
import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.TributarySerde;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodingIngressTest {

    @Test
    void badBytesGoToTheDeadLetterTopicAndNothingElseIsLost() {
        TributarySerde serde = TributarySerde.get();
        byte[] first = serde.encode(quote(1));
        byte[] second = serde.encode(quote(2));
        byte[] third = serde.encode(quote(3));
        byte[] truncated = Arrays.copyOf(second, second.length / 2);
        byte[] unknownFingerprint = third.clone();
        unknownFingerprint[5] ^= 0x5A;

        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            List<Long> bids = new ArrayList<>();
            List<Envelope<DeadLetter>> dead = new ArrayList<>();
            bus.subscribe("data.quotes.**", (Envelope<QuoteTick> m) -> bids.add(m.payload().getBidPrice().getMantissa()),
                    SubscribeOptions.inline());
            bus.subscribe(bus.deadLetterTopic(), (Envelope<DeadLetter> m) -> dead.add(m.copy()), SubscribeOptions.inline());

            DecodingIngress ingress = new DecodingIngress("kafka:quotes", bus, serde);
            String topic = "data.quotes.BINANCE.BTCUSDT";
            assertTrue(ingress.ingest(topic, null, first, Priority.NORMAL, Headers.EMPTY));
            assertFalse(ingress.ingest(topic, null, truncated, Priority.NORMAL, Headers.EMPTY));
            assertFalse(ingress.ingest(topic, null, unknownFingerprint, Priority.NORMAL, Headers.EMPTY));
            assertTrue(ingress.ingest(topic, null, third, Priority.NORMAL, Headers.EMPTY));

            assertEquals(List.of(1L, 3L), bids);
            assertEquals(2, ingress.decodedCount());
            assertEquals(2, ingress.rejectedCount());
            assertEquals(2, dead.size());

            DeadLetter truncatedLetter = dead.get(0).payload();
            assertEquals("kafka:quotes", truncatedLetter.subscriber());
            assertEquals(topic, truncatedLetter.message().topic());
            assertArrayEquals(truncated, (byte[]) truncatedLetter.message().payload());
            MessageDecodingException cause = assertInstanceOf(MessageDecodingException.class, truncatedLetter.error());
            assertEquals(MessageDecodingException.Reason.TRUNCATED, cause.reason());
            assertEquals("TRUNCATED", dead.get(0).headers().get(DecodingIngress.DECODE_REASON));
            assertEquals("UNKNOWN_FINGERPRINT", dead.get(1).headers().get(DecodingIngress.DECODE_REASON));
        }
    }

    /** As a Kafka consumer hands values over: slices of one fetch buffer, read in place. */
    @Test
    void decodesSlicesOfASharedBufferInPlaceAndDeadLettersExactlyTheBadSlice() {
        TributarySerde serde = TributarySerde.get();
        byte[] good = serde.encode(quote(7));
        byte[] bad = Arrays.copyOf(good, good.length - 3);
        ByteBuffer fetch = ByteBuffer.allocate(5 + good.length + bad.length + 4);
        fetch.put(new byte[] {9, 9, 9, 9, 9}).put(good).put(bad).put(new byte[] {8, 8, 8, 8});
        ByteBuffer goodSlice = fetch.duplicate().position(5).limit(5 + good.length).slice();
        ByteBuffer badSlice = fetch.duplicate().position(5 + good.length).limit(5 + good.length + bad.length);

        try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
            List<Long> bids = new ArrayList<>();
            List<Envelope<DeadLetter>> dead = new ArrayList<>();
            bus.subscribe("q", (Envelope<QuoteTick> m) -> bids.add(m.payload().getBidPrice().getMantissa()),
                    SubscribeOptions.inline());
            bus.subscribe(bus.deadLetterTopic(), (Envelope<DeadLetter> m) -> dead.add(m.copy()), SubscribeOptions.inline());
            DecodingIngress ingress = new DecodingIngress("kafka:q", bus, serde);

            assertTrue(ingress.ingest("q", "k", goodSlice, Priority.HIGH, Headers.EMPTY));
            assertFalse(ingress.ingest("q", "k", badSlice, Priority.HIGH, Headers.EMPTY));

            assertEquals(List.of(7L), bids);
            assertEquals(1, dead.size());
            assertArrayEquals(bad, (byte[]) dead.get(0).payload().message().payload(), "the bad slice, not its neighbours");
            assertEquals("TRUNCATED", dead.get(0).headers().get(DecodingIngress.DECODE_REASON));
        }
    }

    private static QuoteTick quote(long bid) {
        return QuoteTick.newBuilder()
                .setInstrument(new InstrumentId("BINANCE", "BTCUSDT"))
                .setBidPrice(new Price(bid, 2)).setAskPrice(new Price(bid + 1, 2))
                .setBidSize(new Quantity(10L, 0)).setAskSize(new Quantity(12L, 0))
                .setTsEvent(1L).setTsInit(2L)
                .build();
    }
}
