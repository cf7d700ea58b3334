package io.tributary.runtime.viz.live;

import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.runtime.viz.VizFormat;
import io.tributary.runtime.viz.VizGraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page's three files: {@code live.html} with the topology's SVG drawing put in, {@code live.js}
 * and {@code live.css}, read once from the class path (next to this class) so nothing is fetched from
 * the internet.
 */
record LivePage(String html, String script, String style) {

    static LivePage of(PhysicalPlan plan) {
        String svg = VizFormat.SVG.render(VizGraph.of(plan.logical()));
        // the XML prolog is for a standalone file; inside HTML the <svg> element stands alone
        svg = svg.substring(svg.indexOf("<svg"));
        String html = resource("live.html")
                .replace("{{topology}}", escape(plan.name()))
                .replace("{{svg}}", svg);
        return new LivePage(html, resource("live.js"), resource("live.css"));
    }

    private static String resource(String name) {
        try (InputStream in = LivePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing next to " + LivePage.class.getName()
                        + " on the class path: the runtime jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
