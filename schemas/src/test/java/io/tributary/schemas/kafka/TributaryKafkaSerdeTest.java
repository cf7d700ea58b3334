package io.tributary.schemas.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.TradeTick;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TributaryKafkaSerdeTest {

    private static QuoteTick quote() {
        return new QuoteTick(new InstrumentId("BINANCE", "ETHUSDT"), new Price(312_345L, 2), new Price(312_350L, 2),
                new Quantity(7L, 1), new Quantity(3L, 1), 10L, 11L);
    }

    @Test
    void typedSerdeRoundTripsAndWritesSingleObjectBytes() {
        Serde<QuoteTick> serde = TributaryKafkaSerde.forType(QuoteTick.class);
        byte[] bytes = serde.serializer().serialize("data.quotes", quote());
        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals(quote(), serde.deserializer().deserialize("data.quotes", bytes));
        assertEquals(quote(), serde.deserializer().deserialize("data.quotes", new RecordHeaders(), bytes));
    }

    @Test
    void untypedSerdePicksTheClassByFingerprint() {
        Serde<SpecificRecord> serde = TributaryKafkaSerde.any();
        TradeTick trade = TradeTick.newBuilder().setInstrument(new InstrumentId("X", "Y")).setPrice(new Price(1L, 0))
                .setSize(new Quantity(1L, 0)).setAggressorSide(io.tributary.schemas.AggressorSide.BUYER).setTradeId("t").setTsEvent(1L).setTsInit(2L).build();
        assertEquals(quote(), serde.deserializer().deserialize("t", serde.serializer().serialize("t", quote())));
        assertEquals(trade, serde.deserializer().deserialize("t", serde.serializer().serialize("t", trade)));
    }

    @Test
    void tombstonesStayNull() {
        Serde<QuoteTick> serde = TributaryKafkaSerde.forType(QuoteTick.class);
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", (byte[]) null));
        assertNull(serde.deserializer().deserialize("t", new RecordHeaders(), (ByteBuffer) null));
    }

    @Test
    void byteBufferOverloadReadsASliceWithoutTouchingTheCallersPosition() {
        byte[] msg = TributarySerde.get().encode(quote());
        byte[] framed = new byte[msg.length + 6];
        System.arraycopy(msg, 0, framed, 3, msg.length);
        ByteBuffer slice = ByteBuffer.wrap(framed, 3, msg.length);
        QuoteTick read = new TributaryKafkaDeserializer<>(QuoteTick.class).deserialize("t", new RecordHeaders(), slice);
        assertEquals(quote(), read);
        assertEquals(3, slice.position());
    }

    @Test
    void wrongTypeAndBadBytesRaiseTheTypedException() {
        Deserializer<TradeTick> trades = new TributaryKafkaDeserializer<>(TradeTick.class);
        byte[] quoteBytes = TributarySerde.get().encode(quote());
        MessageDecodingException wrong = assertThrows(MessageDecodingException.class,
                () -> trades.deserialize("t", quoteBytes));
        assertEquals(MessageDecodingException.Reason.UNEXPECTED_TYPE, wrong.reason());

        MessageDecodingException bad = assertThrows(MessageDecodingException.class,
                () -> trades.deserialize("t", new byte[] {1, 2, 3}));
        assertEquals(MessageDecodingException.Reason.TRUNCATED, bad.reason());
    }

    @Test
    void typeCanBeConfiguredByName() {
        TributaryKafkaDeserializer<SpecificRecord> byConfig = new TributaryKafkaDeserializer<>();
        byConfig.configure(Map.of(TributaryKafkaDeserializer.TYPE_CONFIG, TradeTick.class.getName()), false);
        byte[] quoteBytes = TributarySerde.get().encode(quote());
        assertEquals(MessageDecodingException.Reason.UNEXPECTED_TYPE, assertThrows(MessageDecodingException.class,
                () -> byConfig.deserialize("t", quoteBytes)).reason());

        TributaryKafkaDeserializer<SpecificRecord> typo = new TributaryKafkaDeserializer<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> typo.configure(Map.of(TributaryKafkaDeserializer.TYPE_CONFIG, "io.tributary.schemas.Quote"), false));
        assertTrue(e.getMessage().contains("io.tributary.schemas.Quote"), e.getMessage());
    }
}
