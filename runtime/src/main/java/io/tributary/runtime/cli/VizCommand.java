package io.tributary.runtime.cli;

import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.viz.TransportBoundary;
import io.tributary.runtime.viz.VizFormat;
import io.tributary.runtime.viz.VizGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tributary viz TOPOLOGY [--format F] [--out FILE] [--transport T]}: draws a topology's graph. */
@Command(name = "viz", mixinStandardHelpOptions = true, description = "Draw a topology's graph as text, Graphviz DOT, Mermaid, SVG or a standalone HTML page.")
final class VizCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPOLOGY",
            description = "built-in name, class name or jar[#name]; default: " + TopologyResolver.DEFAULT)
    String topology;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot, mermaid, svg or html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Option(names = "--transport", paramLabel = "T", converter = TransportOptions.TypeConverter.class,
            description = "kafka or redis: mark the topics that cross processes with their lane topics or streams,"
                    + " and say how each sub-topology runs (default: the in-memory bus)")
    TransportSettings.Type transport;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file over the defaults (application id, stream mode)")
    Path config;

    private TransportBoundary boundary(Topology built) {
        if (transport == null || transport == TransportSettings.Type.INMEMORY) {
            return TransportBoundary.NONE;
        }
        TransportSettings settings = TransportOptions.loader(transport).load(config).transport();
        return transport == TransportSettings.Type.KAFKA
                ? TransportBoundaries.kafka(built, PluginOptions.namesOf(built), settings.kafka())
                : TransportBoundaries.redis(built, settings.redis());
    }

    @Override
    public Integer call() {
        VizFormat chosen = VizFormat.parse(format);
        TopologyDefinition definition = new TopologyResolver(Thread.currentThread().getContextClassLoader()).resolve(topology);
        Topology built = definition.build();
        String drawing = chosen.render(VizGraph.of(built.describe(), boundary(built)));
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            writer.print(drawing);
            writer.flush();
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, drawing, StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write " + out + ": " + e);
            spec.commandLine().getErr().flush();
            return TributaryCli.EXIT_INVALID;
        }
        spec.commandLine().getErr().println("wrote " + out);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
