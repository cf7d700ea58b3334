package io.tributary.runtime.transport.redis;

import io.netty.buffer.Unpooled;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

import java.nio.charset.StandardCharsets;

/**
 * A Redisson codec that encodes by wrapping byte arrays in unpooled heap buffers: a byte array as
 * it is, a string as its UTF-8 bytes (the entry field names from a table made once). Redisson's
 * {@link StringCodec} copies into pooled direct buffers that only a successful write releases; the
 * arguments of a pipelined batch that never reaches the server (Redis killed or restarted mid-batch,
 * the client shut down with a batch queued) stay allocated, and Netty reports
 * {@code LEAK: ByteBuf.release() was not called}. A wrapped heap array is ordinary garbage.
 * Decoding is Redisson's (strings, or byte arrays copied out of the reply), but for entry field names.
 */
public final class WrappingCodec implements Codec {
    private static final Encoder ENCODER = in -> {
        if (in instanceof byte[] bytes) {
            return Unpooled.wrappedBuffer(bytes);
        }
        String s = in.toString();
        byte[] name = RedisEntryFields.encoded(s);   // the entry field names, encoded once
        return Unpooled.wrappedBuffer(name != null ? name : s.getBytes(StandardCharsets.UTF_8));
    };

    /**
     * Field names (map keys) as strings, values as byte arrays: stream entries. Tributary's field names
     * decode to their constants ({@link RedisEntryFields#decode}), not to a new string each.
     */
    public static final WrappingCodec ENTRIES = new WrappingCodec((buf, state) -> RedisEntryFields.decode(buf),
            ByteArrayCodec.INSTANCE.getValueDecoder());

    /** Strings both ways (the topic registry set). */
    public static final WrappingCodec STRINGS = new WrappingCodec(StringCodec.INSTANCE.getValueDecoder(),
            StringCodec.INSTANCE.getValueDecoder());

    private final Decoder<Object> keyDecoder;
    private final Decoder<Object> valueDecoder;

    private WrappingCodec(Decoder<Object> keyDecoder, Decoder<Object> valueDecoder) {
        this.keyDecoder = keyDecoder;
        this.valueDecoder = valueDecoder;
    }

    /** Redisson copies codecs per class loader through this constructor ({@code BaseCodec.copy}). */
    public WrappingCodec(ClassLoader classLoader, WrappingCodec codec) {
        this(codec.keyDecoder, codec.valueDecoder);
    }

    @Override
    public Decoder<Object> getMapValueDecoder() {
        return valueDecoder;
    }

    @Override
    public Encoder getMapValueEncoder() {
        return ENCODER;
    }

    @Override
    public Decoder<Object> getMapKeyDecoder() {
        return keyDecoder;
    }

    @Override
    public Encoder getMapKeyEncoder() {
        return ENCODER;
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return valueDecoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return ENCODER;
    }

    @Override
    public ClassLoader getClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public String toString() {
        return valueDecoder == keyDecoder ? "WrappingCodec[strings]" : "WrappingCodec[entries]";
    }
}
