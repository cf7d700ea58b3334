package io.tributary.runtime.cli;

import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.Problem;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.compile.TopologyValidationException;
import io.tributary.runtime.config.TransportSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.tributary.runtime.plugin.LoadedPlugins;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tributary describe TOPOLOGY [--plan] [--transport kafka]}: the logical graph, and optionally the
 * compiled plan and, for Kafka, the topics and Kafka Streams sub-topologies ({@link KafkaDescription}).
 */
@Command(name = "describe", description = "Print a topology's graph (and with --plan its compiled stages); "
        + "exit 1 if it does not validate.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPOLOGY",
            description = "built-in name, class name or jar[#name]; default: " + TopologyResolver.DEFAULT)
    String topology;

    @Option(names = "--plan", description = "also print the physical plan: stages, fused chains, lanes")
    boolean plan;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "plugins directory the names and configs are checked against (default: plugins-dist, see `plugins`)")
    Path plugins;

    @Option(names = "--transport", paramLabel = "T", converter = TransportOptions.TypeConverter.class,
            description = "kafka: also print the Kafka topics and Kafka Streams sub-topologies the plan uses;"
                    + " redis: the streams and consumer group")
    TransportSettings.Type transport;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file over the defaults (application id, profile)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TopologyDefinition definition = new TopologyResolver(Thread.currentThread().getContextClassLoader()).resolve(topology);
        Topology built = definition.build();
        out.print(built.describe());
        Path directory = PluginOptions.directory(plugins);
        LoadedPlugins loaded = null;
        PluginCatalog catalog;
        if (PluginOptions.exists(directory)) {
            loaded = PluginOptions.load(directory, err);
            catalog = PluginCatalog.of(loaded);
        } else {
            err.println("note: plugins directory " + directory + " does not exist: plugin names and configs are not checked");
            err.flush();
            catalog = PluginOptions.namesOf(built);
        }
        try {
            return describe(built, catalog, new TopologyCompiler(catalog), out, err);
        } finally {
            if (loaded != null) {
                loaded.close();
            }
        }
    }

    private int describe(Topology built, PluginCatalog catalog, TopologyCompiler compiler, PrintWriter out, PrintWriter err) {
        List<Problem> problems = compiler.validate(built);
        if (!problems.isEmpty()) {
            out.flush();
            err.println(new TopologyValidationException(built.name(), problems).getMessage());
            err.flush();
            return TributaryCli.EXIT_INVALID;
        }
        if (plan) {
            out.print(compiler.compile(built).describe());
        }
        if (transport == TransportSettings.Type.KAFKA) {
            out.print(KafkaDescription.of(built, catalog, TransportOptions.loader(transport).load(config).transport().kafka()));
        } else if (transport == TransportSettings.Type.REDIS) {
            out.print(RedisDescription.of(built, TransportOptions.loader(transport).load(config).transport().redis()));
        }
        out.flush();
        return 0;
    }
}
