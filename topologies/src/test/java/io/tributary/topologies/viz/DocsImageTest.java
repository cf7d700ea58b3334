package io.tributary.topologies.viz;

import io.tributary.runtime.viz.VizFormat;
import io.tributary.runtime.viz.VizGraph;
import io.tributary.topologies.DefaultDesk;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drawing the README and docs/visualizer.md show is what the visualizer draws today. Rewrite it
 * with {@code mvn -pl topologies verify -DupdateGolden=true} (or {@code ./tributary viz default-desk
 * -f svg -o docs/images/default-desk.svg}).
 */
class DocsImageTest {
    private static final Path IMAGE = Path.of("../docs/images/default-desk.svg");

    @Test
    void docsImageOfTheDefaultDeskIsCurrent() throws IOException {
        String svg = VizFormat.SVG.render(VizGraph.of(new DefaultDesk().build().describe()));
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(IMAGE, svg, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(IMAGE), "missing " + IMAGE.toAbsolutePath());
        assertEquals(svg, Files.readString(IMAGE, StandardCharsets.UTF_8),
                IMAGE + " is stale: rewrite it with -DupdateGolden=true");
    }
}
