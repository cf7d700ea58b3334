package io.tributary.runtime.cli;

import io.tributary.runtime.plugin.TestPlugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TributaryCliTest {
    @TempDir
    Path dir;

    @TempDir
    static Path pluginsDir;

    @BeforeAll
    static void buildPlugins() throws IOException {
        TestPlugins.ticker(pluginsDir.resolve("ticker.jar"));
    }

    static String plugins() {
        return pluginsDir.toString();
    }

    record Result(int code, String out, String err) {
    }

    /** The first group of {@code regex}'s first match in {@code out} as a number, or -1 when it does not match. */
    static long count(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        // buffered, not auto-flushed: like System.out, so a command that forgets to flush fails here
        cli.setOut(new PrintWriter(new java.io.BufferedWriter(out)));
        cli.setErr(new PrintWriter(new java.io.BufferedWriter(err)));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void describeByBuiltInNamePrintsTheDescription() {
        Result r = exec("describe", "echo-desk", "--plugins", plugins());
        assertEquals(0, r.code(), r.err());
        assertEquals(new EchoDesk().build().describe().toString(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void describeChecksPluginNamesAgainstTheDirectoryOrSaysItCannot() {
        Path empty = dir.resolve("empty");
        assertTrue(empty.toFile().mkdirs());
        Result unknown = exec("describe", "echo-desk", "--plugins", empty.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("[quotes] unknown venue 'sim'; no venue plugins are loaded"), unknown.err());

        Path missing = dir.resolve("missing");
        Result unchecked = exec("describe", "echo-desk", "--plugins", missing.toString());
        assertEquals(0, unchecked.code(), unchecked.err());
        assertEquals("note: plugins directory " + missing + " does not exist: plugin names and configs are not checked\n",
                unchecked.err());
    }

    @Test
    void describeWithPlanAddsTheStages() {
        Result r = exec("describe", "--plan", "echo-desk", "--plugins", plugins());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Plan: echo-desk\n  Stage 0: quotes (SOURCE) subscribes data.quotes.** on HIGH"), r.out());
    }

    @Test
    void describeOfACycleFailsNamingEveryNodeOfIt() {
        Result r = exec("describe", LoopDesk.class.getName());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Topology: loop-desk"), r.out());
        assertTrue(r.err().contains("[orders-in] cycle: orders-in -> risk-check -> approved -[orders.approved]-> orders-in"),
                r.err());
    }

    @Test
    void unknownTopologyListsTheBuiltInOnes() {
        Result r = exec("describe", "nope");
        assertEquals(1, r.code());
        assertEquals("unknown topology 'nope'; built-in topologies: echo-desk; or give a class name or a jar\n", r.err());
        Result missingClass = exec("describe", "com.example.Nope");
        assertTrue(missingClass.err().contains("no such class on the class path"), missingClass.err());
    }

    @Test
    void configCheckPrintsTheResolvedSettingsOrEveryError() throws IOException {
        Path good = Files.writeString(dir.resolve("good.conf"), "tributary.executor.maxWorkers = 6");
        Result ok = exec("config", "check", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith(good + ": valid (profile "), ok.out());
        assertTrue(ok.out().contains("maxWorkers=6") || ok.out().contains("maxWorkers = 6"), ok.out());

        Path bad = Files.writeString(dir.resolve("bad.conf"),
                "tributary.executor { maxWorkers = 65, lanes.high.overflow = maybe }");
        Result errors = exec("config", "check", bad.toString());
        assertEquals(1, errors.code());
        assertTrue(errors.err().contains("tributary.executor.maxWorkers: expected an integer in [0, 64], was 65"), errors.err());
        assertTrue(errors.err().contains("tributary.executor.lanes.high.overflow: expected one of"), errors.err());
    }

    @Test
    void runPrintsProgressAndASummaryWithThroughput() {
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> exec("run", "echo-desk", "--duration", "2500ms", "--plugins", plugins()));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("running echo-desk (2 stage(s)) for 2500ms; plugins " + pluginsDir.toAbsolutePath()
                + ": venue:sim; Ctrl-C stops"), r.out());
        assertTrue(Pattern.compile("(?m)^\\[\\s+\\d+\\.\\ds\\] msg/s C \\S+ H \\S+ N \\S+ L \\S+ \\| p99 wait C ")
                .matcher(r.out()).find(), "a progress line: " + r.out());
        assertTrue(r.out().contains("Summary: echo-desk ran"), r.out());
        Matcher quotes = Pattern.compile("echo\\.quotes=(\\d+)").matcher(r.out());
        assertTrue(quotes.find(), r.out());
        assertTrue(Long.parseLong(quotes.group(1)) > 0, r.out());
        Matcher high = Pattern.compile("(?m)^  HIGH\\s+(\\d+)").matcher(r.out());
        assertTrue(high.find() && Long.parseLong(high.group(1)) > 0, "HIGH lane delivered messages: " + r.out());
        Matcher critical = Pattern.compile("(?m)^  CRITICAL\\s+(\\d+)").matcher(r.out());
        assertTrue(critical.find() && Long.parseLong(critical.group(1)) > 0, "CRITICAL lane delivered: " + r.out());
    }

    @Test
    void runWithoutAPluginsDirectorySaysHowToGetOne() {
        Path missing = dir.resolve("missing");
        Result r = exec("run", "echo-desk", "--duration", "1s", "--plugins", missing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("plugins directory " + missing + " does not exist"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void runRejectsAnInvalidTopologyBeforeStarting() {
        Result r = exec("run", LoopDesk.class.getName(), "--duration", "1s", "--plugins", plugins());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("topology 'loop-desk' is invalid (1 problem):"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void runRejectsBadDurationsAndAConfiguredRedisItCannotReach() throws IOException {
        Result usage = exec("run", "echo-desk", "--duration", "soon");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("invalid duration 'soon': use e.g. 10s, 500ms or 2m"), usage.err());

        // a configured address is used as it is (no local server instead), and failing to reach it is one clear line
        Path redis = Files.writeString(dir.resolve("redis.conf"),
                "tributary.transport { type = redis, redis.address = \"redis://127.0.0.1:1\" }");
        Result r = exec("run", "echo-desk", "--config", redis.toString(), "--duration", "1s", "--plugins", plugins());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("cannot connect to Redis at redis://127.0.0.1:1 "), r.err());
    }

    @Test
    void pluginsIsASubcommandAndTopLevelHelpListsEveryCommand() throws IOException {
        Result help = exec("--help");
        assertEquals(0, help.code());
        for (String command : new String[] {"run", "describe", "config", "plugins"}) {
            assertTrue(help.out().contains("  " + command + " "), help.out());
        }
        Path empty = Files.createDirectories(dir.resolve("no-plugins"));
        Result plugins = exec("plugins", "--dir", empty.toString());
        assertEquals(0, plugins.code(), plugins.err());
        assertTrue(plugins.out().startsWith("Plugins in " + empty + ": 0 loaded, 0 errors"), plugins.out());
    }
}
