package io.tributary.bench.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.serde.MessageReader;
import io.tributary.schemas.serde.MessageWriter;
import io.tributary.schemas.serde.TributarySerde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode + decode round trip of one quote: Tributary's Avro single-object serde against Jackson
 * JSON of the same fields, in one run. Both sides use their libraries the fast way: a reused
 * writer/reader pair, a reused output buffer, and (Avro) a reused record to decode into.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -cp 'bench/target/tributary-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main SerdeBenchmark \
 *      -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SerdeBenchmark {

    /** A ByteArrayOutputStream whose array can be read without copying. */
    static final class ReusableOutput extends ByteArrayOutputStream {
        ReusableOutput(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    private MessageWriter avroWriter;
    private MessageReader avroReader;
    private final byte[] avroBuffer = new byte[256];
    private QuoteTick quote;
    private QuoteTick reuse;

    private ObjectWriter jsonWriter;
    private ObjectReader jsonReader;
    private final ReusableOutput jsonBuffer = new ReusableOutput(512);
    private QuoteJson jsonQuote;

    @Setup(Level.Trial)
    public void setUp() {
        TributarySerde serde = TributarySerde.get();
        avroWriter = serde.newWriter();
        avroReader = serde.newReader();
        quote = new QuoteTick(new InstrumentId("BINANCE", "BTCUSDT"),
                new Price(6_512_345L, 2), new Price(6_512_346L, 2),
                new Quantity(1_500_000L, 6), new Quantity(250_000L, 6),
                1_767_225_600_000_000_123L, 1_767_225_600_000_050_456L);
        reuse = QuoteTick.newBuilder(quote).build();

        ObjectMapper mapper = new ObjectMapper();
        jsonWriter = mapper.writerFor(QuoteJson.class);
        jsonReader = mapper.readerFor(QuoteJson.class);
        jsonQuote = new QuoteJson(new QuoteJson.Instrument("BINANCE", "BTCUSDT"),
                new QuoteJson.FixedPoint(6_512_345L, 2), new QuoteJson.FixedPoint(6_512_346L, 2),
                new QuoteJson.FixedPoint(1_500_000L, 6), new QuoteJson.FixedPoint(250_000L, 6),
                1_767_225_600_000_000_123L, 1_767_225_600_000_050_456L);

        // both sides must really round-trip, or the comparison means nothing
        if (!quote.equals(avroRoundTrip()) || !jsonQuote.equals(jsonRoundTrip())) {
            throw new IllegalStateException("round trip does not reproduce the quote");
        }
    }

    @Benchmark
    public QuoteTick avroRoundTrip() {
        int length = avroWriter.encode(quote, avroBuffer, 0);
        return avroReader.decode(avroBuffer, 0, length, QuoteTick.class, reuse);
    }

    @Benchmark
    public QuoteJson jsonRoundTrip() {
        try {
            jsonBuffer.reset();
            jsonWriter.writeValue(jsonBuffer, jsonQuote);
            return jsonReader.readValue(jsonBuffer.array(), 0, jsonBuffer.size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
