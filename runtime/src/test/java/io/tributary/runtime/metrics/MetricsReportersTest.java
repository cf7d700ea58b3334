package io.tributary.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class MetricsReportersTest {

    @Test
    void jmxExposesEachMetricAsAnMBeanUntilClosed() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        registry.meter("tributary.jmx-test.n.in").mark(4);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (MetricsReporters reporters = MetricsReporters.start(registry,
                MetricsSettings.builder().jmx(true).jmxDomain("tributary-test").build(), System.out)) {
            assertEquals(1, reporters.count());
            // the JMX reporter's default object names put the type first; find ours by its name key
            ObjectName found = server.queryNames(new ObjectName("tributary-test:*"), null).stream()
                    .filter(n -> "tributary.jmx-test.n.in".equals(n.getKeyProperty("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no MBean for the meter; have " + safeNames(server)));
            assertEquals(4L, server.getAttribute(found, "Count"));
        }
        assertTrue(server.queryNames(new ObjectName("tributary-test:*"), null).isEmpty(), "unregistered on close");
    }

    private static Object safeNames(MBeanServer server) {
        try {
            return server.queryNames(new ObjectName("tributary-test:*"), null);
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void csvAndConsoleReportAtTheirPeriod(@TempDir Path dir) {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("tributary.lane.low.dropped").inc(9);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path csvDir = dir.resolve("metrics");
        MetricsSettings settings = MetricsSettings.builder()
                .consolePeriod(Duration.ofMillis(50))
                .csvDirectory(csvDir).csvPeriod(Duration.ofMillis(50))
                .build();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
             MetricsReporters reporters = MetricsReporters.start(registry, settings, out)) {
            assertEquals(2, reporters.count());
            Path csv = csvDir.resolve("tributary.lane.low.dropped.csv");
            Await.until(() -> lines(csv).size() >= 2, () -> "no CSV row in " + csv);
            List<String> rows = lines(csv);
            assertEquals("t,count", rows.get(0));
            assertTrue(rows.get(1).endsWith(",9"), rows.get(1));
            // the reporter prints a metric's name and its values as separate lines: wait for the value
            Await.until(() -> console.toString(StandardCharsets.UTF_8).contains("count = 9"),
                    () -> "console: " + console.toString(StandardCharsets.UTF_8));
            String printed = console.toString(StandardCharsets.UTF_8);
            int name = printed.indexOf("tributary.lane.low.dropped");
            assertTrue(name >= 0 && name < printed.indexOf("count = 9"), printed);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void nothingRunsByDefault() {
        try (MetricsReporters reporters = MetricsReporters.start(new MetricRegistry(), MetricsSettings.defaults(), System.out)) {
            assertEquals(0, reporters.count());
        }
    }
}
