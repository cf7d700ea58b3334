package io.tributary.runtime.cli;

import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.config.InvalidConfigException;
import io.tributary.runtime.config.TributaryConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tributary config …}: configuration tools. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tributary config check FILE}: the resolved settings, or every error. */
    @Command(name = "check", description = "Validate a HOCON file over the defaults and print the resolved settings "
            + "(exit 0) or every error, each naming its key (exit 1).")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "HOCON configuration file")
        Path file;

        @Override
        public Integer call() {
            try {
                TributaryConfig config = ConfigLoader.standard().load(file);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: valid (profile %s)%n%s", file, config.profile(), config.render());
                out.flush();
                return 0;
            } catch (InvalidConfigException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(file + ": " + e.getMessage());
                err.flush();
                return TributaryCli.EXIT_INVALID;
            }
        }
    }
}
