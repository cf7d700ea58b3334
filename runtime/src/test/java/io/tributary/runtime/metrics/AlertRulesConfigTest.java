package io.tributary.runtime.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.tributary.api.Priority;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.schemas.AlertSeverity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesConfigTest {
    private static final String PATH = "tributary.metrics.alerts.rules";

    private static List<AlertRule> parse(String hocon) {
        Config root = ConfigFactory.parseString(hocon);
        return AlertRules.fromConfig(root.getConfig(PATH), PATH);
    }

    private static ConfigException.BadValue bad(String hocon) {
        return assertThrows(ConfigException.BadValue.class, () -> parse(hocon));
    }

    @Test
    void readsEveryFieldOfTheDocumentedShape() {
        List<AlertRule> rules = parse("""
                tributary.metrics.alerts.rules {
                  drops-high { metric = "tributary.lane.high.dropped", stat = rate, condition = ">", threshold = 0,
                               severity = critical, description = "HIGH drops" }
                  lane-wait-normal { metric = "tributary.lane.normal.wait.current", condition = ">=", threshold = 20ms,
                                     for = 5s }
                  venue-silent { metric = "tributary.arb-desk.venues.in", condition = unchanged, for = 30s, severity = INFO }
                  low-workers { metric = "tributary.executor.workers", condition = "<", threshold = 2.5 }
                  handler-errors.enabled = false
                }
                """);
        assertEquals(List.of("drops-high", "handler-errors", "lane-wait-normal", "low-workers", "venue-silent"),
                rules.stream().map(AlertRule::name).toList());
        AlertRule drops = rules.get(0);
        assertEquals("tributary.lane.high.dropped", drops.metric());
        assertEquals(AlertStat.RATE, drops.stat());
        assertEquals(AlertCondition.GT, drops.condition());
        assertEquals(0.0, drops.threshold());
        assertEquals(AlertSeverity.CRITICAL, drops.severity());
        assertEquals("HIGH drops", drops.description());
        assertEquals(Duration.ZERO, drops.forDuration());

        assertFalse(rules.get(1).enabled());
        AlertRule wait = rules.get(2);
        assertEquals(20_000_000.0, wait.threshold(), "a duration threshold is read in nanoseconds");
        assertEquals(AlertCondition.GE, wait.condition());
        assertEquals(Duration.ofSeconds(5), wait.forDuration());
        assertEquals(AlertSeverity.WARNING, wait.severity(), "default severity");
        assertEquals(AlertStat.VALUE, wait.stat(), "default stat");
        assertEquals(2.5, rules.get(3).threshold());
        AlertRule silent = rules.get(4);
        assertEquals(AlertCondition.UNCHANGED, silent.condition());
        assertTrue(Double.isNaN(silent.threshold()));
        assertEquals(Duration.ofSeconds(30), silent.forDuration());
        assertEquals(AlertSeverity.INFO, silent.severity());
    }

    @Test
    void errorsNameTheKeyPathAndTheLine() {
        ConfigException.BadValue unknown = bad("""
                tributary.metrics.alerts.rules {
                  r { metric = "m", condition = ">", thresold = 1 }
                }""");
        assertTrue(unknown.getMessage().contains(PATH + ".r.thresold") && unknown.getMessage().contains("unknown key")
                && unknown.getMessage().startsWith("String: 2:"), unknown.getMessage()); // origin and line

        ConfigException.BadValue condition = bad(PATH + ".r { metric = m, condition = \"=>\", threshold = 1 }");
        assertTrue(condition.getMessage().contains(PATH + ".r.condition")
                && condition.getMessage().contains(">, >=, <, <=, unchanged") && condition.getMessage().contains("'=>'"),
                condition.getMessage());

        ConfigException.BadValue missing = bad(PATH + ".r { condition = \">\", threshold = 1 }");
        assertTrue(missing.getMessage().contains(PATH + ".r.metric") && missing.getMessage().contains("missing"),
                missing.getMessage());

        ConfigException.BadValue noThreshold = bad(PATH + ".r { metric = m, condition = \">\" }");
        assertTrue(noThreshold.getMessage().contains(PATH + ".r.threshold"), noThreshold.getMessage());

        ConfigException.BadValue thresholdOnUnchanged = bad(PATH + ".r { metric = m, condition = unchanged, for = 5s, threshold = 1 }");
        assertTrue(thresholdOnUnchanged.getMessage().contains(PATH + ".r.threshold")
                && thresholdOnUnchanged.getMessage().contains("takes no threshold"), thresholdOnUnchanged.getMessage());

        ConfigException.BadValue unchangedNoFor = bad(PATH + ".r { metric = m, condition = unchanged }");
        assertTrue(unchangedNoFor.getMessage().contains(PATH + ".r.for"), unchangedNoFor.getMessage());

        ConfigException.BadValue pattern = bad(PATH + ".r { metric = \"tributary..x\", condition = \">\", threshold = 1 }");
        assertTrue(pattern.getMessage().contains(PATH + ".r.metric") && pattern.getMessage().contains("position 10"),
                pattern.getMessage());

        ConfigException.BadValue severity = bad(PATH + ".r { metric = m, condition = \">\", threshold = 1, severity = loud }");
        assertTrue(severity.getMessage().contains(PATH + ".r.severity") && severity.getMessage().contains("info, warning, critical"),
                severity.getMessage());

        ConfigException.BadValue stat = bad(PATH + ".r { metric = m, condition = \">\", threshold = 1, stat = p42 }");
        assertTrue(stat.getMessage().contains(PATH + ".r.stat") && stat.getMessage().contains("p99"), stat.getMessage());

        ConfigException.BadValue threshold = bad(PATH + ".r { metric = m, condition = \">\", threshold = lots }");
        assertTrue(threshold.getMessage().contains(PATH + ".r.threshold") && threshold.getMessage().contains("'lots'"),
                threshold.getMessage());

        ConfigException.BadValue forValue = bad(PATH + ".r { metric = m, condition = \">\", threshold = 1, for = soon }");
        assertTrue(forValue.getMessage().contains(PATH + ".r.for"), forValue.getMessage());

        ConfigException.BadValue notAnObject = bad(PATH + ".r = 5");
        assertTrue(notAnObject.getMessage().contains(PATH + ".r") && notAnObject.getMessage().contains("must be an object"),
                notAnObject.getMessage());
    }

    @Test
    void configuredRulesMergeOverTheDefaultsByName() {
        List<AlertRule> defaults = DefaultAlertRules.forExecutor(ExecutorConfig.defaults()).source("desk", "venues").build();
        List<AlertRule> configured = parse("""
                tributary.metrics.alerts.rules {
                  handler-errors.enabled = false
                  drops-high { metric = "tributary.lane.high.dropped", stat = rate, condition = ">", threshold = 10,
                               severity = warning }
                  queue-deep { metric = "tributary.lane.*.depth", condition = ">", threshold = 500 }
                }
                """);
        List<AlertRule> merged = AlertRules.merge(defaults, configured);
        List<String> names = merged.stream().map(AlertRule::name).toList();
        assertEquals(List.of("lane-wait-high", "lane-wait-normal", "lane-wait-low", "drops-critical", "rejects-critical",
                "drops-high", "rejects-high", "transport-lag", "silent-desk-venues", "queue-deep"), names);
        AlertRule drops = merged.get(names.indexOf("drops-high"));
        assertEquals(10.0, drops.threshold());
        assertEquals(AlertSeverity.WARNING, drops.severity());
    }

    @Test
    void defaultLaneWaitThresholdsAreTheLaneBounds() {
        ExecutorConfig executor = ExecutorConfig.builder().maxWait(Priority.LOW, Duration.ofMillis(7)).build();
        AlertRule low = DefaultAlertRules.forExecutor(executor).laneWaitFor(Duration.ofSeconds(2)).build().stream()
                .filter(r -> r.name().equals("lane-wait-low")).findFirst().orElseThrow();
        assertEquals("tributary.lane.low.wait.current", low.metric());
        assertEquals(7_000_000.0, low.threshold());
        assertEquals(Duration.ofSeconds(2), low.forDuration());
        assertTrue(DefaultAlertRules.forExecutor(executor).build().stream().noneMatch(r -> r.name().equals("lane-wait-critical")),
                "CRITICAL has no bound, so no wait rule");
    }

    @Test
    void builderRefusesIncompleteRules() {
        assertThrows(IllegalArgumentException.class, () -> AlertRule.builder(" "));
        IllegalArgumentException noMetric = assertThrows(IllegalArgumentException.class,
                () -> AlertRule.builder("r").above(1).build());
        assertTrue(noMetric.getMessage().contains("rule r: metric"), noMetric.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertRule.builder("r").metric("m").build());
        assertThrows(IllegalArgumentException.class, () -> AlertRule.builder("r").metric("m").unchangedFor(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> AlertRule.builder("r").when(AlertCondition.UNCHANGED, 1));
        assertThrows(IllegalArgumentException.class, () -> AlertRule.builder("r").above(Double.NaN));
        assertEquals("rate(tributary.lane.high.dropped) > 0", AlertRule.builder("r").metric("tributary.lane.high.dropped")
                .stat(AlertStat.RATE).above(0).build().expression());
    }
}
