package io.tributary.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.plugin.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --ui 0}: prints the page's address, serves the running topology's snapshot, and stops with the run. */
@Timeout(90)
class RunLiveUiTest {
    private static final Pattern URL = Pattern.compile("live page at (http://127\\.0\\.0\\.1:\\d+)/");

    @Test
    void uiTakesAnOptionalPortDefaulting7070() {
        RunCommand bare = new RunCommand();
        new CommandLine(bare).parseArgs("--ui");
        assertEquals(io.tributary.runtime.viz.live.LiveUiServer.DEFAULT_PORT, bare.uiPort);
        assertEquals(7070, bare.uiPort);
        RunCommand given = new RunCommand();
        new CommandLine(given).parseArgs("--ui", "8181", "echo-desk");
        assertEquals(8181, given.uiPort);
        assertEquals("echo-desk", given.topology);
        RunCommand after = new RunCommand();
        new CommandLine(after).parseArgs("echo-desk", "--ui");
        assertEquals(7070, after.uiPort, "the topology first, then a bare --ui");
        assertEquals("echo-desk", after.topology);
        CommandLine.ParameterException taken = org.junit.jupiter.api.Assertions.assertThrows(
                CommandLine.ParameterException.class, () -> new CommandLine(new RunCommand()).parseArgs("--ui", "echo-desk"));
        assertTrue(taken.getMessage().contains("'--ui'") && taken.getMessage().contains("echo-desk"), taken.getMessage());
        RunCommand none = new RunCommand();
        new CommandLine(none).parseArgs("echo-desk");
        assertEquals(null, none.uiPort, "no page unless asked");
    }

    @Test
    void runWithUiServesTheLivePageWhileTheTopologyRuns(@TempDir Path plugins) throws Exception {
        TestPlugins.ticker(plugins.resolve("ticker.jar"));
        StringWriter out = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("run", "echo-desk", "--duration",
                "6s", "--ui", "0", "--plugins", plugins.toString()));

        String base = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (base == null && System.nanoTime() < deadline && !run.isDone()) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                base = m.group(1);
            } else {
                Thread.sleep(20);
            }
        }
        assertTrue(base != null, "the address is printed: " + out);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"node-quotes\""), "the echo desk's drawing");

        JsonNode snapshot = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/snapshot")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                snapshot = new ObjectMapper().readTree(r.body());
                if (snapshot.get("nodes").get(0).get("in").asLong() > 0) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(snapshot != null, "a snapshot is served");
        assertEquals("echo-desk", snapshot.get("topology").asText());
        assertEquals("quotes", snapshot.get("nodes").get(0).get("name").asText());
        assertTrue(snapshot.get("nodes").get(0).get("in").asLong() > 0, "the venue's quotes are counted: " + snapshot);

        assertEquals(0, run.get(60, TimeUnit.SECONDS), out.toString());
        assertTrue(refused(http, base), "the page stops with the run");
    }

    private static boolean refused(HttpClient http, String base) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return false;
        } catch (java.io.IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
