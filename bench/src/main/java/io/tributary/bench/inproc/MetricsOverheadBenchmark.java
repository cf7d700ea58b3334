package io.tributary.bench.inproc;

import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.TopicHandle;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.metrics.MeteredHandler;
import io.tributary.runtime.metrics.TributaryMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * W1 with metrics off and on (issue 6: metrics may cost at most 10%): the same 1,000 subscriptions
 * and publish as {@link PublishDispatchBenchmark#tributaryHandle}, the same handler body. The only
 * difference is the binding:
 * <ul>
 *   <li>{@code off}: no metrics at all, the handlers subscribed as they are (a plan started without
 *       metrics);</li>
 *   <li>{@code on}: a {@link TributaryMetrics} bound to the bus (lane, worker and bus metrics), every
 *       handler wrapped in {@link MeteredHandler} as a compiled plan's stage is (its own
 *       {@code in}/{@code out}/{@code errors} meters and sampled latency histogram), and a
 *       {@link RegistryPoller} reading every metric each second as a reporter would: the worst case,
 *       a metered stage run on the publisher's thread;</li>
 *   <li>{@code bound}: the same registry, bus binding and poller, the handlers as they are: how the
 *       runtime runs inline subscribers with metrics on (compiled plans meter their stages, and
 *       those are pooled, not inline).</li>
 * </ul>
 * {@code -p metrics=unread} is {@code on} without the poller, to tell the hot path's cost from the
 * readers'.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsOverheadBenchmark {

    @Param({"off", "on", "bound"})
    public String metrics;

    private final byte[] payload = new byte[64];
    private LocalMessageBus bus;
    private TopicHandle handle;
    private TributaryMetrics registry;
    private RegistryPoller poller;

    @Setup
    public void setUp(Blackhole blackhole) {
        boolean metered = switch (metrics) {
            case "on", "unread" -> true;
            case "off", "bound" -> false;
            default -> throw new IllegalArgumentException("metrics must be off, on, bound or unread, was '" + metrics + "'");
        };
        boolean bound = !metrics.equals("off");
        SubscriptionSet.checkExactlyOneMatch();
        List<String> patterns = SubscriptionSet.patterns();
        bus = new LocalMessageBus(BusConfig.defaults());
        if (bound) {
            registry = TributaryMetrics.create();
            registry.bind(bus);
        }
        for (int i = 0; i < patterns.size(); i++) {
            MessageHandler<Object> handler = (Envelope<Object> m) -> blackhole.consume(m.payload());
            if (metered) {
                handler = MeteredHandler.wrap(handler, registry.node("w1", "handler-" + i), registry.clock());
            }
            bus.subscribe(patterns.get(i), handler, SubscribeOptions.inline());
        }
        handle = bus.topic(SubscriptionSet.TOPIC);
        // the first publish makes this thread's publisher context and envelope: in both variants
        // before the heap is settled, so both are tenured alike (see settleHeap)
        for (int i = 0; i < 3; i++) {
            handle.publish(null, payload, Priority.NORMAL);
        }
        if (metered) {
            checkMetered();
        }
        if (!metrics.equals("off") && !metrics.equals("unread")) {
            poller = new RegistryPoller(registry.registry());
        }
        settleHeap();
    }

    /**
     * Both variants start measuring with the set-up objects (bus, subscriptions, the publisher's
     * reused envelope) tenured, as in a process that has run for a while. Without this, "off" never
     * collects (it allocates nothing) and keeps its envelope in a young region, where G1's write
     * barrier skips the card work on the envelope's reference stores; the poller's allocation in
     * "on" triggers a collection mid-run that tenures it, and from then on each of those stores
     * takes the barrier's slow path (a StoreLoad fence): ~7 ns per publish that has nothing to do
     * with metrics (measured: a thread allocating 3 MB/s with no metrics at all costs the same).
     */
    static void settleHeap() {
        System.gc();
        System.gc();
    }

    /** A "metrics on" that counted nothing would look free: prove the matching node counted each publish. */
    private void checkMetered() {
        String in = "tributary.w1.handler-" + SubscriptionSet.patterns().indexOf(SubscriptionSet.TOPIC) + ".in";
        long counted = registry.registry().meter(in).getCount();
        if (counted != 3) {
            throw new IllegalStateException(in + " counted " + counted + " of 3 probe messages");
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        if (poller != null) {
            poller.close();
        }
        bus.close();
        if (registry != null) {
            registry.close();
        }
    }

    @Benchmark
    public boolean publish() {
        return handle.publish(null, payload, Priority.NORMAL);
    }
}
