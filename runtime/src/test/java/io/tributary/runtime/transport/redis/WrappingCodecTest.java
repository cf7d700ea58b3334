package io.tributary.runtime.transport.redis;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.BaseCodec;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The stream codec encodes into plain heap arrays (nothing pooled to release) and decodes as Redisson does. */
class WrappingCodecTest {

    @Test
    void payloadsAreWrappedNotCopiedIntoPooledBuffers() throws Exception {
        byte[] payload = {1, 2, 3, (byte) 0xC3, 0};
        ByteBuf encoded = WrappingCodec.ENTRIES.getMapValueEncoder().encode(payload);
        assertFalse(encoded.isDirect(), "a direct buffer needs a release");
        assertSame(payload, encoded.array(), "the payload is wrapped, not copied");
        assertEquals(payload.length, encoded.readableBytes());
    }

    @Test
    void fieldNamesAndTopicsEncodeAsUtf8OnTheHeap() throws Exception {
        for (String name : new String[] {"payload", "id", "topic", "désk.ordres"}) {
            ByteBuf encoded = WrappingCodec.ENTRIES.getMapKeyEncoder().encode(name);
            assertFalse(encoded.isDirect(), name);
            byte[] out = new byte[encoded.readableBytes()];
            encoded.readBytes(out);
            assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), out, name);
            ByteBuf registry = WrappingCodec.STRINGS.getValueEncoder().encode(name);
            assertFalse(registry.isDirect(), name);
        }
    }

    @Test
    void decodesKeysAsStringsAndValuesAsBytes() throws Exception {
        Object key = WrappingCodec.ENTRIES.getMapKeyDecoder().decode(Unpooled.wrappedBuffer("key".getBytes(StandardCharsets.UTF_8)), null);
        assertEquals("key", key);
        Object value = WrappingCodec.ENTRIES.getMapValueDecoder().decode(Unpooled.wrappedBuffer(new byte[] {9, 8}), null);
        assertArrayEquals(new byte[] {9, 8}, (byte[]) value);
        Object member = WrappingCodec.STRINGS.getValueDecoder().decode(Unpooled.wrappedBuffer("a.b".getBytes(StandardCharsets.UTF_8)), null);
        assertEquals("a.b", member);
    }

    @Test
    void redissonCanCopyItForAnotherClassLoader() throws Exception {
        WrappingCodec copy = BaseCodec.copy(getClass().getClassLoader(), WrappingCodec.ENTRIES);
        assertNotNull(copy);
        assertEquals("x", copy.getMapKeyDecoder().decode(Unpooled.wrappedBuffer(new byte[] {'x'}), null));
    }
}
