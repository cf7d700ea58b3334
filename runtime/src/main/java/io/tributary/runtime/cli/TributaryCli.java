package io.tributary.runtime.cli;

import io.tributary.runtime.compile.TopologyValidationException;
import io.tributary.runtime.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tributary} command line. Exit codes: 0 success, 1 invalid topology, configuration or
 * argument value, 2 usage error.
 */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "tributary 0.1.0",
        description = "Dataflow topologies for trading systems: run, describe, check configuration, list plugins.",
        subcommands = {RunCommand.class, DescribeCommand.class, VizCommand.class, ConfigCommand.class, PluginsCommand.class})
public final class TributaryCli implements Runnable {
    static final int EXIT_INVALID = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with Tributary's error handling: known input errors print one message, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TributaryCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TopologyValidationException || e instanceof InvalidConfigException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println(e.getMessage());
                commandLine.getErr().flush();
                return EXIT_INVALID;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
