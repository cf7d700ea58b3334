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
    private final int iterationSeconds;

    /** Iterations of 2 s, 1 s when quick. */
    public JmhRunner(boolean quick) {
        this(quick, quick ? 1 : 2);
    }

    /** Warm-up and measurement iterations of {@code iterationSeconds} each. */
    public JmhRunner(boolean quick, int iterationSeconds) {
        this.quick = quick;
        this.iterationSeconds = iterationSeconds;
    }

    /**
     * Score and allocation of one benchmark method, in the units its class declares; {@code error}
     * is the half-width of JMH's 99.9% confidence interval over all measurement iterations of all
     * forks (NaN with a single iteration).
     */
    public record Score(double score, double error, double bytesPerOp) {
    }

    /** @return method name → score; every method of {@code benchmarkClass}, one fork */
    public Map<String, Score> run(String benchmarkClass) throws RunnerException {
        return run(benchmarkClass, 1);
    }

    /**
     * @return method name → score, every method of {@code benchmarkClass}, each measured in
     *         {@code forks} JVMs; a method with {@code @Param}s is keyed
     *         {@code method[name=value,...]}
     */
    public Map<String, Score> run(String benchmarkClass, int forks) throws RunnerException {
        return run(benchmarkClass, forks, Map.of());
    }

    /** {@link #run(String, int)} with some {@code @Param}s fixed ({@code name → value}). */
    public Map<String, Score> run(String benchmarkClass, int forks, Map<String, String> params)
            throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        params.forEach(options::param);
        options.include("^" + benchmarkClass.replace(".", "\\.") + "\\.")
                .forks(forks)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(iterationSeconds))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT);
        Map<String, Score> results = new HashMap<>();
        for (RunResult run : new Runner(options.build()).run()) {
            String benchmark = run.getParams().getBenchmark();
            StringBuilder key = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.') + 1));
            var paramNames = run.getParams().getParamsKeys();
            if (!paramNames.isEmpty()) {
                key.append('[');
                for (String param : paramNames) {
                    key.append(key.charAt(key.length() - 1) == '[' ? "" : ",")
                            .append(param).append('=').append(run.getParams().getParam(param));
                }
                key.append(']');
            }
            Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            results.put(key.toString(), new Score(run.getPrimaryResult().getScore(),
                    run.getPrimaryResult().getScoreError(),
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
