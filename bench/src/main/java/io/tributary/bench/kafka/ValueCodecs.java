package io.tributary.bench.kafka;

import io.tributary.schemas.QuoteTick;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** The values the plain peers send. */
final class ValueCodecs {
    private ValueCodecs() {
    }

    /** {@code size} bytes with the send time in the first 8: no encoding, no decoding. */
    static PlainKafkaPeer.ValueCodec rawBytes(int size) {
        byte[] payload = new byte[size];
        return new PlainKafkaPeer.ValueCodec() {
            @Override
            public byte[] value(long sendNanos) {
                byte[] value = payload.clone();
                ByteBuffer.wrap(value).putLong(0, sendNanos);
                return value;
            }

            @Override
            public long sendNanos(byte[] value) {
                return ByteBuffer.wrap(value).getLong(0);
            }
        };
    }

    /**
     * What a desk would write without Tributary: the quote as Avro single-object bytes (the bytes
     * Tributary puts in a value) through the generated {@code QuoteTick.getEncoder()} and
     * {@code getDecoder()}, decoded into a new record per message as a consumer hands records on.
     */
    static PlainKafkaPeer.ValueCodec avro(QuoteTick template) {
        QuoteTick quote = QuoteTick.newBuilder(template).build();
        BinaryMessageEncoder<QuoteTick> encoder = QuoteTick.getEncoder();
        BinaryMessageDecoder<QuoteTick> decoder = QuoteTick.getDecoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        return new PlainKafkaPeer.ValueCodec() {
            @Override
            public byte[] value(long sendNanos) {
                quote.setTsInit(sendNanos);
                out.reset();
                try {
                    encoder.encode(quote, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out.toByteArray();
            }

            @Override
            public long sendNanos(byte[] value) {
                try {
                    return decoder.decode(value).getTsInit();
                } catch (IOException e) {
                    throw new UncheckedIOException("not a QuoteTick", e);
                }
            }
        };
    }
}
