package io.tributary.schemas.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.TributarySerde;
import org.redisson.client.codec.BaseCodec;
import org.junit.jupiter.api.Test;

class TributaryRedisCodecTest {

    private static QuoteTick quote() {
        return new QuoteTick(new InstrumentId("KRAKEN", "XBTUSD"), new Price(6_500_001L, 2), new Price(6_500_100L, 2),
                new Quantity(12L, 3), new Quantity(4L, 3), 5L, 6L);
    }

    @Test
    void valuesRoundTripAsSingleObjectMessages() throws IOException {
        TributaryRedisCodec codec = TributaryRedisCodec.INSTANCE;
        ByteBuf encoded = codec.getValueEncoder().encode(quote());
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.getBytes(encoded.readerIndex(), bytes);
            assertEquals(quote(), TributarySerde.get().decode(bytes), "plain serde reads what the codec wrote");
            assertEquals(quote(), codec.getValueDecoder().decode(encoded, null));
            assertEquals(0, encoded.readableBytes(), "decoder consumed the value");
        } finally {
            encoded.release();
        }
    }

    @Test
    void decodesHeapAndDirectBuffersAtAnyReaderIndex() throws IOException {
        byte[] msg = TributarySerde.get().encode(quote());
        ByteBuf heap = Unpooled.buffer(msg.length + 5);
        heap.writeBytes(new byte[] {9, 9, 9});
        heap.writeBytes(msg);
        heap.readerIndex(3);
        assertEquals(quote(), TributaryRedisCodec.INSTANCE.getMapValueDecoder().decode(heap, null));

        ByteBuf direct = Unpooled.directBuffer(msg.length);
        try {
            direct.writeBytes(msg);
            assertEquals(quote(), TributaryRedisCodec.INSTANCE.getValueDecoder().decode(direct, null));
            assertEquals(0, direct.readableBytes());
        } finally {
            direct.release();
        }
    }

    @Test
    void mapKeysAreStrings() throws IOException {
        ByteBuf key = TributaryRedisCodec.INSTANCE.getMapKeyEncoder().encode("payload");
        try {
            assertEquals("payload", TributaryRedisCodec.INSTANCE.getMapKeyDecoder().decode(key, null));
        } finally {
            key.release();
        }
    }

    @Test
    void rejectsWhatItCannotHandleWithClearErrors() {
        IllegalArgumentException notARecord = assertThrows(IllegalArgumentException.class,
                () -> TributaryRedisCodec.INSTANCE.getValueEncoder().encode("text"));
        assertTrue(notARecord.getMessage().contains("java.lang.String"), notARecord.getMessage());

        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'});
        MessageDecodingException e = assertThrows(MessageDecodingException.class,
                () -> TributaryRedisCodec.INSTANCE.getValueDecoder().decode(garbage, null));
        assertEquals(MessageDecodingException.Reason.BAD_MAGIC, e.reason());
    }

    @Test
    void redissonCanCopyTheCodecForAnotherClassLoader() throws ReflectiveOperationException {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) { };
        TributaryRedisCodec copy = BaseCodec.copy(loader, TributaryRedisCodec.INSTANCE);
        assertEquals(loader, copy.getClassLoader());
    }
}
