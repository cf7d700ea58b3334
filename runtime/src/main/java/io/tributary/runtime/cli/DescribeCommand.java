package io.tributary.runtime.cli;

import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.runtime.compile.Problem;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.compile.TopologyValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tributary describe TOPOLOGY [--plan]}: the logical graph, and optionally the compiled plan. */
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TopologyDefinition definition = new TopologyResolver(Thread.currentThread().getContextClassLoader()).resolve(topology);
        Topology built = definition.build();
        out.print(built.describe());
        TopologyCompiler compiler = new TopologyCompiler(BuiltInPlugins.catalog());
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
        out.flush();
        return 0;
    }
}
