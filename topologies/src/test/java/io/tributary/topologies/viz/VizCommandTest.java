package io.tributary.topologies.viz;

import io.tributary.runtime.cli.TributaryCli;
import io.tributary.runtime.viz.VizFormat;
import io.tributary.runtime.viz.VizGraph;
import io.tributary.topologies.FeedbackLoop;
import io.tributary.topologies.TradeBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tributary viz}: standard output, {@code --out}, bad input. */
class VizCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(new BufferedWriter(out)));
        cli.setErr(new PrintWriter(new BufferedWriter(err)));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void printsTheDrawingOnStandardOutputByDefaultAsText() throws Exception {
        Result r = exec("viz", "trade-bars");
        assertEquals(0, r.code(), r.err());
        GoldenVizTest.assertMatches("viz/trade-bars.txt", r.out());
        Result dot = exec("viz", "trade-bars", "--format", "DOT");
        assertEquals(VizFormat.DOT.render(VizGraph.of(new TradeBars().build().describe())), dot.out());
    }

    @Test
    void writesTheFileGivenWithOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/order-risk.svg");
        Result r = exec("viz", "order-risk", "-f", "svg", "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(file.toString()), r.err());
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("id=\"node-risk-check\""), svg);
    }

    @Test
    void anUnknownFormatOrTopologyIsNamed() {
        Result format = exec("viz", "trade-bars", "--format", "png");
        assertEquals(1, format.code());
        assertEquals("unknown format 'png'; formats: text, dot, mermaid, svg, html\n", format.err());
        Result topology = exec("viz", "no-such-desk");
        assertEquals(1, topology.code());
        assertTrue(topology.err().startsWith("unknown topology 'no-such-desk'"), topology.err());
    }

    @Test
    void helpListsTheFormats() {
        Result r = exec("viz", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("text, dot, mermaid, svg or html"), r.out());
    }

    @Test
    void anInvalidTopologyIsStillDrawnSoTheCycleCanBeSeen() {
        Result r = exec("viz", FeedbackLoop.class.getName(), "--format", "text");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("    approved ..> orders.approved  [CRITICAL]\n"), r.out());
        assertTrue(r.out().contains("    orders.approved ..> orders.**  (matches)\n"), r.out());
        Result svg = exec("viz", FeedbackLoop.class.getName(), "--format", "svg");
        assertEquals(0, svg.code(), svg.err());
        assertTrue(svg.out().contains("id=\"node-all-orders\""), svg.out());
    }
}
