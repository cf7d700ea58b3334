package io.tributary.runtime.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginsCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PluginsCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void listsNothingForAnEmptyDirectoryAndSucceeds() {
        Run run = run("--dir", dir.toString());
        assertEquals(0, run.exitCode());
        assertEquals("Plugins in " + dir.toAbsolutePath() + ": 0 loaded, 0 errors", run.out().strip());
    }

    @Test
    void listsPluginsVersionsComponentsAndConfigKeys() throws Exception {
        io.tributary.runtime.plugin.TestPlugins.alpha(dir.resolve("alpha.jar"));
        Run run = run("--dir", dir.toString());
        assertEquals(0, run.exitCode(), run.out());
        String expected = String.join(System.lineSeparator(),
                "Plugins in " + dir.toAbsolutePath() + ": 1 loaded, 0 errors",
                "",
                "alpha 2.5.0  (" + dir.resolve("alpha.jar").toAbsolutePath() + ")",
                "  venue  alpha-venue     made by guice",
                "      count  int     default 3          messages to publish on connect",
                "      topic  string  default alpha.out  where to publish",
                "  policy alpha-policy    sees host runtime: false",
                "  sink   alpha-sink");
        assertEquals(expected.strip(), run.out().strip());
    }

    @Test
    void reportsLoadErrorsWithTheJarAndFails() throws Exception {
        Files.writeString(dir.resolve("garbage.jar"), "not a zip");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("empty.jar")), new Manifest())) {
            jar.flush();
        }
        Run run = run("--dir", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("0 loaded, 2 errors"), run.out());
        assertTrue(run.out().contains(dir.resolve("garbage.jar") + ": not a valid jar file"), run.out());
        assertTrue(run.out().contains(dir.resolve("empty.jar") + ": not a Tributary plugin"), run.out());
    }
}
