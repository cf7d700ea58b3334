package io.tributary.topologies;

import io.tributary.runtime.cli.TributaryCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line finds the examples through ServiceLoader, as it does when the launcher runs it. */
class CommandLineTest {

    record Result(int code, String out, String err) {
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        // buffered, not auto-flushed: like System.out, so a command that forgets to flush fails here
        cli.setOut(new PrintWriter(new java.io.BufferedWriter(out)));
        cli.setErr(new PrintWriter(new java.io.BufferedWriter(err)));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    /** The first number {@code regex}'s group captures in {@code out}, or -1 when it does not match. */
    static long count(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void describeEachExampleByName() throws IOException {
        for (String name : new String[] {"default-desk", "market-data-fanout", "trade-bars", "order-risk"}) {
            Result r = exec("describe", name);
            assertEquals(0, r.code(), r.err());
            Golden.assertMatches(name, r.out());
        }
    }

    @Test
    void theFeedbackLoopIsRefusedNamingEveryNodeOfTheCycle() {
        Result r = exec("describe", FeedbackLoop.class.getName());
        assertEquals(1, r.code());
        assertEquals("topology 'feedback-loop' is invalid (1 problem):\n"
                + "  1. [all-orders] cycle: all-orders -> risk-check -> critical -> approved -[orders.approved]-> all-orders;"
                + " a topic this topology publishes feeds back into one of its own sources, so messages would circle"
                + " forever: publish to a topic the source pattern does not match\n", r.err());
    }
}
