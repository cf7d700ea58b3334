package io.tributary.runtime.metrics;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsSettingsTest {
    private static MetricsSettings parse(String hocon) {
        return MetricsSettings.fromConfig(ConfigFactory.parseString(hocon).getConfig("tributary.metrics"), "tributary.metrics");
    }

    @Test
    void anEmptySectionMeansTheDefaults() {
        MetricsSettings s = MetricsSettings.fromConfig(ConfigFactory.empty());
        assertTrue(s.nodeMetrics());
        assertFalse(s.jmx());
        assertEquals(Duration.ZERO, s.consolePeriod());
        assertNull(s.csvDirectory());
        assertFalse(s.http());
        assertEquals("127.0.0.1", s.httpHost());
        assertEquals(0, s.httpPort());
        assertTrue(s.alerts());
        assertEquals(Duration.ofSeconds(1), s.evaluateEvery());
        assertTrue(s.defaultRules());
        assertTrue(s.rules().isEmpty());
    }

    @Test
    void readsTheDocumentedShape() {
        MetricsSettings s = parse("""
                tributary.metrics {
                  nodeMetrics = false
                  jmx { enabled = true, domain = desk }
                  console.period = 10s
                  csv { directory = "target/csv", period = 2s }
                  http { enabled = true, host = "0.0.0.0", port = 9404 }
                  health.maxConsumerLag = 500
                  alerts {
                    evaluateEvery = 250ms
                    defaults = false
                    silentAfter = 1m
                    rules.deep { metric = "tributary.lane.*.depth", condition = ">", threshold = 100 }
                  }
                }
                """);
        assertFalse(s.nodeMetrics());
        assertTrue(s.jmx());
        assertEquals("desk", s.jmxDomain());
        assertEquals(Duration.ofSeconds(10), s.consolePeriod());
        assertEquals(Path.of("target/csv"), s.csvDirectory());
        assertEquals(Duration.ofSeconds(2), s.csvPeriod());
        assertTrue(s.http());
        assertEquals("0.0.0.0", s.httpHost());
        assertEquals(9404, s.httpPort());
        assertEquals(500, s.maxConsumerLag());
        assertEquals(Duration.ofMillis(250), s.evaluateEvery());
        assertFalse(s.defaultRules());
        assertEquals(Duration.ofMinutes(1), s.silentAfter());
        assertEquals("deep", s.rules().get(0).name());
    }

    @Test
    void badValuesNameTheFullKeyPath() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> parse("tributary.metrics.http.prot = 1"));
        assertTrue(unknown.getMessage().contains("tributary.metrics.http.prot") && unknown.getMessage().contains("port"),
                unknown.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> parse("tributary.metrics.http.port = lots"));
        assertTrue(type.getMessage().contains("tributary.metrics.http.port") && type.getMessage().contains("whole number"),
                type.getMessage());
        ConfigException duration = assertThrows(ConfigException.class, () -> parse("tributary.metrics.alerts.evaluateEvery = often"));
        assertTrue(duration.getMessage().contains("tributary.metrics.alerts.evaluateEvery"), duration.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> parse("tributary.metrics.http.port = 70000"));
        assertTrue(range.getMessage().contains("tributary.metrics.http.port must be in [0, 65535]"), range.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> parse("tributary.metrics.alerts.evaluateEvery = 0s"));
        assertTrue(zero.getMessage().contains("tributary.metrics.alerts.evaluateEvery must be > 0"), zero.getMessage());
        ConfigException rule = assertThrows(ConfigException.class,
                () -> parse("tributary.metrics.alerts.rules.x { metric = m }"));
        assertTrue(rule.getMessage().contains("tributary.metrics.alerts.rules.x.condition"), rule.getMessage());
        ConfigException section = assertThrows(ConfigException.class, () -> parse("tributary.metrics.http = on"));
        assertTrue(section.getMessage().contains("tributary.metrics.http") && section.getMessage().contains("object"),
                section.getMessage());
    }
}
