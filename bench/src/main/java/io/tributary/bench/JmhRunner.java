package io.tributary.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.HashMap;
import java.util.Map;

/** Runs one JMH class from a suite, with the gc profiler, quietly. */
public final class JmhRunner {
    private final boolean quick;

    public JmhRunner(boolean quick) {
        this.quick = quick;
    }

    /** Score and allocation of one benchmark method, in the units its class declares. */
    public record Score(double score, double bytesPerOp) {
    }

    /** @return method name → score; every method of {@code benchmarkClass} */
    public Map<String, Score> run(String benchmarkClass) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include("^" + benchmarkClass.replace(".", "\\.") + "\\.")
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT);
        Map<String, Score> results = new HashMap<>();
        for (RunResult run : new Runner(options.build()).run()) {
            String benchmark = run.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            results.put(method, new Score(run.getPrimaryResult().getScore(),
                    allocation == null ? Double.NaN : allocation.getScore()));
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH found no benchmark in " + benchmarkClass
                    + " (is the bench jar built with annotation processing?)");
        }
        return results;
    }

    /** A progress line, so a long suite shows where it is. */
    public static void progress(String what) {
        System.out.printf("[%tT] %s ...%n", System.currentTimeMillis(), what);
    }
}
