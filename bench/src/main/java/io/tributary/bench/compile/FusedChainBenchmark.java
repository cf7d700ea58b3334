package io.tributary.bench.compile;

import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.exec.MutableEnvelope;
import io.tributary.runtime.plan.PhysicalPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A five-operator stateless chain (filter, map, filter, map, peek) compiled by the
 * {@link TopologyCompiler} and run through its stage handler, against a hand-written loop doing the
 * same work on the same envelopes. Target: {@code fusedChain} at most 1.5 × {@code handWritten}.
 * Both read the payload from a delivered envelope and hand the result to a blackhole; the maps box
 * only into Integer's cache, so neither allocates.
 *
 * <pre>java -cp bench/target/tributary-bench.jar:bench/target/lib/* org.openjdk.jmh.Main FusedChainBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FusedChainBenchmark {
    static final int BATCH = 1024;

    /** The small record the chain works on. */
    public record Tick(String symbol, long priceMantissa, long quantity) {
    }

    /**
     * What the peek accumulates into, in both variants. Not a field of the benchmark itself: a lambda
     * writing to the captured benchmark object costs the JIT an aliasing assumption the hand-written
     * loop does not pay, which would measure the benchmark rather than the chain.
     */
    static final class Totals {
        long length;
    }

    private Envelope<Object>[] envelopes;
    private MessageHandler<Object> stage;
    private final Totals totals = new Totals();
    private Blackhole sink;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        String[] symbols = {"BTCUSDT", "ETHUSDT", "XRPUSDT", "SOLUSDT", "DOGEUSDT"};
        SplittableRandom random = new SplittableRandom(42);
        envelopes = new Envelope[BATCH];
        for (int i = 0; i < BATCH; i++) {
            Tick tick = new Tick(symbols[random.nextInt(symbols.length)], 100 + random.nextInt(1000),
                    random.nextInt(10) - 1);
            envelopes[i] = new MutableEnvelope().set(i, "bench.ticks", tick.symbol(), tick, Priority.NORMAL, i,
                    Headers.EMPTY);
        }
        Totals peeked = totals;
        TopologyBuilder t = new TopologyBuilder("fused-chain");
        t.<Tick>stream("bench.ticks")
                .filter(tick -> tick.quantity() > 0)
                .map(Tick::symbol)
                .filter(symbol -> symbol.charAt(0) != 'X')
                .map(String::length)
                .peek(length -> peeked.length += length)
                .forEach(length -> sink.consume(length));
        PhysicalPlan plan = new TopologyCompiler(PluginCatalog.empty()).compile(t.build());
        if (plan.stages().size() != 1 || plan.stages().get(0).fusedChains().size() != 1) {
            throw new IllegalStateException("expected one fused stage: " + plan.describe());
        }
        stage = plan.stages().get(0).handler();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fusedChain() throws Exception {
        MessageHandler<Object> handler = stage;
        for (Envelope<Object> envelope : envelopes) {
            handler.onMessage(envelope);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handWritten() {
        Totals peeked = totals;
        for (Envelope<Object> envelope : envelopes) {
            Tick tick = (Tick) envelope.payload();
            if (tick.quantity() > 0) {
                String symbol = tick.symbol();
                if (symbol.charAt(0) != 'X') {
                    Integer length = symbol.length();
                    peeked.length += length;
                    sink.consume(length);
                }
            }
        }
    }
}
