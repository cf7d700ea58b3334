package io.tributary.schemas.redis;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.MessageReader;
import io.tributary.schemas.serde.MessageWriter;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.generic.IndexedRecord;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * Redisson codec whose values are Avro single-object messages and whose map keys (stream entry
 * field names, hash fields) are UTF-8 strings: {@code RStream<String, SpecificRecord>},
 * {@code RBucket<QuoteTick>}, {@code RMap<String, OrderFilled>}.
 *
 * <p>Values encode any {@link IndexedRecord}; they decode into the record class named by the
 * fingerprint. Bad bytes throw {@link MessageDecodingException}, which Redisson reports as the
 * failure of the command. An entry that mixes Avro payloads with plain string values needs
 * {@code ByteArrayCodec} plus {@link TributarySerde} instead.
 *
 * <p>Thread-safe: Netty event-loop threads each get their own encoder and decoder.
 */
public final class TributaryRedisCodec extends BaseCodec {

    /** Over {@link TributarySerde#get()}. */
    public static final TributaryRedisCodec INSTANCE = new TributaryRedisCodec();

    private final TributarySerde serde;
    private final ClassLoader classLoader;
    private final ThreadLocal<MessageWriter> writers;
    private final ThreadLocal<MessageReader> readers;

    private final Encoder encoder = this::encode;
    private final Decoder<Object> decoder = (buf, state) -> decode(buf);

    /** Over {@link TributarySerde#get()}. */
    public TributaryRedisCodec() {
        this(TributarySerde.get(), null);
    }

    /** For Redisson's configuration copy ({@code BaseCodec.copy}); the class loader is reported, not used to decode. */
    public TributaryRedisCodec(ClassLoader classLoader) {
        this(TributarySerde.get(), classLoader);
    }

    /** For Redisson's configuration copy. */
    public TributaryRedisCodec(ClassLoader classLoader, TributaryRedisCodec codec) {
        this(codec.serde, classLoader);
    }

    public TributaryRedisCodec(TributarySerde serde) {
        this(serde, null);
    }

    private TributaryRedisCodec(TributarySerde serde, ClassLoader classLoader) {
        this.serde = serde;
        this.classLoader = classLoader;
        this.writers = ThreadLocal.withInitial(serde::newWriter);
        this.readers = ThreadLocal.withInitial(serde::newReader);
    }

    private ByteBuf encode(Object value) {
        if (!(value instanceof IndexedRecord record)) {
            throw new IllegalArgumentException("TributaryRedisCodec encodes Avro records, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        MessageWriter writer = writers.get();
        int length = writer.encodeToScratch(record);
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(length);
        out.writeBytes(writer.scratch(), 0, length);
        return out;
    }

    private Object decode(ByteBuf buf) {
        int length = buf.readableBytes();
        Object record;
        if (buf.hasArray()) {
            record = readers.get().decode(buf.array(), buf.arrayOffset() + buf.readerIndex(), length, null);
        } else {
            record = readers.get().decode(buf.nioBuffer(buf.readerIndex(), length), null);
        }
        buf.skipBytes(length);
        return record;
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return decoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return encoder;
    }

    @Override
    public Decoder<Object> getMapValueDecoder() {
        return decoder;
    }

    @Override
    public Encoder getMapValueEncoder() {
        return encoder;
    }

    @Override
    public Decoder<Object> getMapKeyDecoder() {
        return StringCodec.INSTANCE.getMapKeyDecoder();
    }

    @Override
    public Encoder getMapKeyEncoder() {
        return StringCodec.INSTANCE.getMapKeyEncoder();
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader != null ? classLoader : getClass().getClassLoader();
    }
}
