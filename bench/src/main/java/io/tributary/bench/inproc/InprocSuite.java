package io.tributary.bench.inproc;

import io.tributary.bench.JmhRunner;
import io.tributary.bench.report.SuiteReport;
import io.tributary.bench.report.WorkloadReport;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.runner.RunnerException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./tributary bench inproc}: W1–W4 against their peers, and W1 and W3 with metrics off and
 * on ({@code metrics}, see {@link MetricsOverhead}), in one run.
 */
public final class InprocSuite {
    private static final String MATCHER_BENCHMARK = "io.tributary.bench.match.MatcherBenchmark";

    private final boolean quick;
    private final int w3Pairs;
    private final Set<String> only;
    private final JmhRunner jmh;

    /** Workload names {@code --only} takes. */
    static final Set<String> WORKLOADS = Set.of("W1", "W2", "W3", "W4", "metrics");

    /**
     * @param w3Pairs off/on pairs per W3 shape in the metrics workload; null for the default
     * @throws IllegalArgumentException naming an unknown workload in {@code only}
     */
    public InprocSuite(boolean quick, Set<String> only, Integer w3Pairs) {
        if (only != null) {
            for (String w : only) {
                if (!WORKLOADS.contains(w)) {
                    throw new IllegalArgumentException("unknown workload '" + w + "' in --only; known: "
                            + new java.util.TreeSet<>(WORKLOADS));
                }
            }
        }
        this.quick = quick;
        this.only = only;
        this.w3Pairs = w3Pairs != null ? w3Pairs : quick ? 3 : 30;
        this.jmh = new JmhRunner(quick);
    }

    public int run(Path json) throws Exception {
        SuiteReport report = new SuiteReport("inproc" + (quick ? " --quick" : ""));
        if (selected("W1")) {
            report.add(w1());
        }
        if (selected("W2")) {
            report.add(w2());
        }
        if (selected("W3")) {
            report.add(w3());
        }
        if (selected("W4")) {
            report.add(w4());
        }
        if (selected("metrics")) {
            report.add(new MetricsOverhead(quick, w3Pairs).run());
        }
        report.publish(json);
        return 0;
    }

    private boolean selected(String workload) {
        return only == null || only.isEmpty() || only.contains(workload);
    }

    // ---- W1 ----------------------------------------------------------------------------------

    private WorkloadReport w1() throws RunnerException {
        progress("W1 publish→dispatch (JMH with gc profiler)");
        Map<String, double[]> r = jmh(PublishDispatchBenchmark.class.getName());
        double handle = r.get("tributaryHandle")[0];
        double topic = r.get("tributaryTopic")[0];
        double guava = r.get("guava")[0];
        double vertx = r.get("vertx")[0];
        double hashMap = r.get("hashMap")[0];
        double best = Math.min(handle, topic);
        WorkloadReport w = new WorkloadReport("W1", "publish→dispatch, 1,000 subscriptions, 1 match, 64 B, publisher thread");
        r.forEach((method, v) -> w.figure(method + ".ns_per_op", v[0]).figure(method + ".bytes_per_op", v[1]));
        w.vs("guava_eventbus", guava / best).vs("vertx_local_eventbus", vertx / best).vs("hashmap", hashMap / best);
        double allocation = Math.max(r.get("tributaryHandle")[1], r.get("tributaryTopic")[1]);
        return w.target("<= 50 ns/op (topic string)", topic, topic <= 50)
                .target("<= 50 ns/op (topic handle)", handle, handle <= 50)
                .target("0 B/op (max of both)", allocation, allocation < 1)
                .target(">= 10x Guava EventBus", guava / best, guava / best >= 10)
                .target(">= 10x Vert.x local event bus", vertx / best, vertx / best >= 10)
                .target("within 1.5x of HashMap (ratio >= 0.667)", hashMap / best, best <= 1.5 * hashMap);
    }

    // ---- W2 ----------------------------------------------------------------------------------

    private WorkloadReport w2() throws RunnerException {
        progress("W2 matcher, 10,000 patterns (JMH)");
        Map<String, double[]> r = jmh(MATCHER_BENCHMARK);
        double hit = r.get("cachedHit")[0];
        double cold = r.get("coldMatch")[0];
        double scan = r.get("linearScan")[0];
        WorkloadReport w = new WorkloadReport("W2", "topic matcher, 10,000 mixed patterns");
        r.forEach((method, v) -> w.figure(method + ".ns_per_op", v[0]).figure(method + ".bytes_per_op", v[1]));
        w.vs("linear_scan(cold)", scan / cold).vs("linear_scan(cached)", scan / hit);
        return w.target("cached hit <= 30 ns", hit, hit <= 30)
                .target("cold match <= 1 us", cold, cold <= 1_000)
                .target(">= 100x linear scan (cold)", scan / cold, scan / cold >= 100);
    }

    // ---- W3 ----------------------------------------------------------------------------------

    private WorkloadReport w3() throws InterruptedException {
        long messages = quick ? 2_000_000 : 10_000_000;
        int rounds = quick ? 3 : 5;
        WorkloadReport w = new WorkloadReport("W3", "cross-thread throughput, msg/s (median of " + rounds + " runs of "
                + messages + ")");
        for (int producers = 1; producers <= 2; producers++) {
            String shape = producers + "p1c";
            int p = producers;
            progress("W3 " + shape);
            double oneLane = median(rounds, () -> ThroughputWorkload.tributary(p, messages, false));
            double fourLanes = median(rounds, () -> ThroughputWorkload.tributary(p, messages, true));
            double disruptor = median(rounds, () -> ThroughputWorkload.disruptor(p, messages));
            double jctools = median(rounds, () -> ThroughputWorkload.jctools(p, messages));
            double abq = median(rounds, () -> ThroughputWorkload.arrayBlockingQueue(p, messages));
            w.figure("tributary." + shape + ".one_lane", oneLane)
                    .figure("tributary." + shape + ".four_lanes", fourLanes)
                    .figure("disruptor." + shape, disruptor)
                    .figure("jctools_mpsc." + shape, jctools)
                    .figure("array_blocking_queue." + shape, abq);
            w.vs("disruptor." + shape, oneLane / disruptor)
                    .vs("jctools_mpsc." + shape, oneLane / jctools)
                    .vs("array_blocking_queue." + shape, oneLane / abq);
            double laneCost = oneLane / fourLanes - 1;
            w.target(">= 0.8x Disruptor " + shape, oneLane / disruptor, oneLane / disruptor >= 0.8)
                    .target(">= 10x ArrayBlockingQueue " + shape, oneLane / abq, oneLane / abq >= 10)
                    .target("four lanes cost <= 10% over one lane " + shape + " (fraction)", laneCost, laneCost <= 0.10);
        }
        return w;
    }

    // ---- W4 ----------------------------------------------------------------------------------

    private WorkloadReport w4() {
        long duration = (quick ? 2 : 10) * 1_000_000_000L;
        WorkloadReport w = new WorkloadReport("W4", "latency, ns, corrected for coordinated omission, spinning consumer");
        progress("W4 warm-up");
        // every measured configuration runs once first, the LOW flood too: in its first second the LOW
        // paths are still being compiled, the worker falls behind and the LOW ring fills (probes: CRITICAL
        // p99 3-13 ms cold, 0.05-0.16 ms warm), which measured JIT warm-up, not the lanes
        LatencyWorkload.tributary(100_000, 1_000_000_000L, true);
        LatencyWorkload.tributary(100_000, 1_000_000_000L, false);
        LatencyWorkload.disruptor(100_000, 1_000_000_000L);
        double unloadedP99At100k = 0;
        for (long rate : new long[] {100_000, 1_000_000}) {
            String r = rate / 1000 + "k";
            progress("W4 " + r + " msg/s");
            Histogram tributary = LatencyWorkload.tributary(rate, duration, false);
            Histogram disruptor = LatencyWorkload.disruptor(rate, duration);
            percentiles(w, "tributary." + r, tributary);
            percentiles(w, "disruptor." + r, disruptor);
            double p50 = tributary.getValueAtPercentile(50);
            double p99 = tributary.getValueAtPercentile(99);
            w.vs("disruptor.p99." + r, disruptor.getValueAtPercentile(99) / Math.max(1, p99));
            w.target("p50 <= 100 ns at " + r, p50, p50 <= 100).target("p99 <= 1 us at " + r, p99, p99 <= 1_000);
            if (rate == 100_000) {
                unloadedP99At100k = p99;
            }
        }
        progress("W4 CRITICAL at 100k msg/s while LOW is flooded");
        Histogram flooded = LatencyWorkload.tributary(100_000, duration, true);
        percentiles(w, "tributary.critical_under_low_flood.100k", flooded);
        double ratio = flooded.getValueAtPercentile(99) / Math.max(1, unloadedP99At100k);
        return w.target("CRITICAL p99 under LOW flood <= 2x unloaded p99 (ratio)", ratio, ratio <= 2);
    }

    private static void percentiles(WorkloadReport w, String prefix, Histogram h) {
        w.figure(prefix + ".p50", h.getValueAtPercentile(50))
                .figure(prefix + ".p99", h.getValueAtPercentile(99))
                .figure(prefix + ".p99.9", h.getValueAtPercentile(99.9))
                .figure(prefix + ".max", h.getMaxValue());
    }

    // ---- helpers -----------------------------------------------------------------------------

    interface Measurement {
        double run() throws InterruptedException;
    }

    private static double median(int rounds, Measurement measurement) throws InterruptedException {
        measurement.run(); // warm-up, discarded
        double[] values = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            values[i] = measurement.run();
        }
        Arrays.sort(values);
        return values[rounds / 2];
    }

    private static void progress(String what) {
        JmhRunner.progress(what);
    }

    private Map<String, double[]> jmh(String benchmarkClass) throws RunnerException {
        Map<String, double[]> results = new HashMap<>();
        jmh.run(benchmarkClass).forEach((method, score) ->
                results.put(method, new double[] {score.score(), score.bytesPerOp()}));
        return results;
    }

}
