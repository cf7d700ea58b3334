package io.tributary.bench;

import io.tributary.bench.inproc.InprocSuite;
import io.tributary.bench.kafka.KafkaSuite;
import io.tributary.bench.redis.RedisSuite;
import io.tributary.bench.serde.SerdeSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./tributary bench SUITE [--quick] [--json FILE]}. */
@Command(name = "tributary bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark suite side by side with its peers and prints a table.",
        subcommands = {BenchMain.Inproc.class, BenchMain.Serde.class, BenchMain.Kafka.class, BenchMain.Redis.class})
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options every suite takes. */
    public static class SuiteOptions {
        @Option(names = "--quick", description = "Short runs: a smoke check of the numbers, not a result.")
        public boolean quick;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
        public Path json;
    }

    @Command(name = "inproc", mixinStandardHelpOptions = true,
            description = "W1 publish→dispatch, W2 matcher, W3 cross-thread throughput, W4 latency, "
                    + "metrics: W1 and W3 with metrics off vs on.")
    static final class Inproc implements Callable<Integer> {
        @CommandLine.Mixin
        SuiteOptions options = new SuiteOptions();

        @Option(names = "--only", split = ",", paramLabel = "W", description = "Run only these workloads (W1, W2, W3, W4, metrics).")
        java.util.Set<String> only;

        @Option(names = "--pairs", paramLabel = "N", description = "Off/on pairs of W3 runs per shape in the "
                + "metrics workload (default: 30, 3 with --quick); more pairs tell a lucky run from a ceiling.")
        Integer pairs;

        @Override
        public Integer call() throws Exception {
            if (pairs != null && pairs < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--pairs must be at least 1, was " + pairs);
            }
            return new InprocSuite(options.quick, only, pairs).run(options.json);
        }
    }

    @Command(name = "serde", mixinStandardHelpOptions = true,
            description = "Avro single-object encode+decode of a quote against Jackson JSON.")
    static final class Serde implements Callable<Integer> {
        @CommandLine.Mixin
        SuiteOptions options = new SuiteOptions();

        @Override
        public Integer call() throws Exception {
            return new SerdeSuite(options.quick).run(options.json);
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true,
            description = "Kafka lane transport against plain kafka-clients on an embedded broker: "
                    + "K1 throughput, K2 added latency, K3 p99 at 20k msg/s.")
    static final class Kafka implements Callable<Integer> {
        @CommandLine.Mixin
        SuiteOptions options = new SuiteOptions();

        @Override
        public Integer call() throws Exception {
            return new KafkaSuite(options.quick).run(options.json);
        }
    }

    @Command(name = "redis", mixinStandardHelpOptions = true,
            description = "Redis Streams transport on a local redis-server: R1 end-to-end throughput against naive "
                    + "Redisson and redis-benchmark pipelined XADD, R4 p99 at 50k msg/s.")
    static final class Redis implements Callable<Integer> {
        @CommandLine.Mixin
        SuiteOptions options = new SuiteOptions();

        @Override
        public Integer call() throws Exception {
            return new RedisSuite(options.quick).run(options.json);
        }
    }
}
