package io.tributary.api.spi;

import io.tributary.api.market.Decimal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSpecTest {

    enum Mode { FIRST_MATCH, MOST_SPECIFIC }

    static final ConfigKey<Integer> DEPTH = ConfigKey.ofInt("depth").defaultValue(10)
            .check(d -> d > 0, "must be > 0").description("book levels");
    static final ConfigKey<Long> SEED = ConfigKey.ofLong("seed").defaultValue(42L);
    static final ConfigKey<Double> VOL = ConfigKey.ofDouble("volatility").defaultValue(0.5);
    static final ConfigKey<Boolean> LOOP = ConfigKey.ofBoolean("loop").defaultValue(false);
    static final ConfigKey<Duration> INTERVAL = ConfigKey.ofDuration("interval").defaultValue(Duration.ofSeconds(1));
    static final ConfigKey<List<String>> VENUES = ConfigKey.ofStringList("venues").defaultValue(List.of("A"));
    static final ConfigKey<Mode> MODE = ConfigKey.ofEnum("mode", Mode.class).defaultValue(Mode.FIRST_MATCH);
    static final ConfigKey<Decimal> TICK = ConfigKey.ofDecimal("tick");
    static final ConfigKey<String> FILE = ConfigKey.ofString("file").required().description("the CSV file");

    static final ConfigSpec SPEC = ConfigSpec.of(DEPTH, SEED, VOL, LOOP, INTERVAL, VENUES, MODE, TICK, FILE);

    @Test
    void defaultsApplyWhenAbsentAndNullReadsAsAbsent() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("file", "a.csv");
        raw.put("depth", null);
        ComponentConfig config = SPEC.validate("venue 'x'", raw);
        assertEquals(10, config.get(DEPTH));
        assertEquals(42L, config.get(SEED));
        assertEquals(List.of("A"), config.get(VENUES));
        assertEquals(Mode.FIRST_MATCH, config.get(MODE));
        assertNull(config.get(TICK));
        assertTrue(config.isSet(FILE));
        assertFalse(config.isSet(DEPTH));
    }

    @Test
    void convertsStringsAsTheyComeFromFilesAndTheCommandLine() {
        ComponentConfig config = SPEC.validate("venue 'x'", Map.of(
                "depth", "25", "seed", "1_000_000", "volatility", "0.25", "loop", "yes", "interval", "250ms",
                "venues", "SIMA, SIMB,,SIMC", "mode", "most-specific", "tick", "0.01", "file", "a.csv"));
        assertEquals(25, config.get(DEPTH));
        assertEquals(1_000_000L, config.get(SEED));
        assertEquals(0.25, config.get(VOL));
        assertTrue(config.get(LOOP));
        assertEquals(Duration.ofMillis(250), config.get(INTERVAL));
        assertEquals(List.of("SIMA", "SIMB", "SIMC"), config.get(VENUES));
        assertEquals(Mode.MOST_SPECIFIC, config.get(MODE));
        assertEquals(new Decimal(1, 2), config.get(TICK));
    }

    @Test
    void convertsJavaValues() {
        ComponentConfig config = SPEC.validate("venue 'x'", Map.of(
                "depth", 7L, "seed", 3, "volatility", 1, "interval", Duration.ofMinutes(2),
                "venues", new String[] {"X", "Y"}, "tick", new java.math.BigDecimal("0.50"), "file", "f",
                "mode", Mode.MOST_SPECIFIC));
        assertEquals(7, config.get(DEPTH));
        assertEquals(3L, config.get(SEED));
        assertEquals(1.0, config.get(VOL));
        assertEquals(Duration.ofMinutes(2), config.get(INTERVAL));
        assertEquals(List.of("X", "Y"), config.get(VENUES));
        assertEquals(new Decimal(50, 2), config.get(TICK));
    }

    @Test
    void everyProblemIsReportedWithComponentAndKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> SPEC.validate("venue 'sim'", Map.of(
                "depth", -1, "interval", 5, "venues", 42, "mode", "FASTEST", "seeed", 1, "loop", "maybe")));
        String message = e.getMessage();
        assertTrue(message.startsWith("invalid config for venue 'sim':"), message);
        assertEquals(List.of("seeed", "depth", "loop", "interval", "venues", "mode", "file"),
                e.problems().stream().map(ConfigException.Problem::key).toList());
        assertTrue(message.contains("key 'depth': must be > 0, got -1"), message);
        assertTrue(message.contains("key 'interval': expected a duration with a unit"), message);
        assertTrue(message.contains("key 'venues': expected a list of strings, got 42 (Integer)"), message);
        assertTrue(message.contains("key 'mode': expected one of FIRST_MATCH, MOST_SPECIFIC"), message);
        assertTrue(message.contains("key 'seeed': unknown key (did you mean 'seed'?)"), message);
        assertTrue(message.contains("key 'file': is required (string): the CSV file"), message);
        assertTrue(message.contains("key 'loop': expected true or false, got 'maybe' (String)"), message);
    }

    @Test
    void wholeNumbersMustBeWholeAndInRange() {
        assertThrows(ConfigException.class, () -> SPEC.validate("c", Map.of("file", "f", "depth", 2.5)));
        assertThrows(ConfigException.class, () -> SPEC.validate("c", Map.of("file", "f", "depth", 5_000_000_000L)));
        assertEquals(3, SPEC.validate("c", Map.of("file", "f", "depth", 3.0)).get(DEPTH));
    }

    @Test
    void listItemsMustBeScalars() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SPEC.validate("c", Map.of("file", "f", "venues", Arrays.asList("A", List.of("B")))));
        assertTrue(e.getMessage().contains("key 'venues': item 1: expected a string"), e.getMessage());
    }

    @Test
    void durationsAcceptUnitsAndIso() {
        assertEquals(Duration.ofNanos(10_000), SPEC.validate("c", Map.of("file", "f", "interval", "10us")).get(INTERVAL));
        assertEquals(Duration.ofHours(1), SPEC.validate("c", Map.of("file", "f", "interval", "1h")).get(INTERVAL));
        assertEquals(Duration.ofSeconds(5), SPEC.validate("c", Map.of("file", "f", "interval", "PT5S")).get(INTERVAL));
        ConfigException e = assertThrows(ConfigException.class,
                () -> SPEC.validate("c", Map.of("file", "f", "interval", "5 fortnights")));
        assertTrue(e.getMessage().contains("duration unit"), e.getMessage());
    }

    @Test
    void readingAnUndeclaredKeyIsABugNamedInTheMessage() {
        ComponentConfig config = ConfigSpec.of(DEPTH).validate("sink 'echo'", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.get(SEED));
        assertTrue(e.getMessage().contains("sink 'echo' reads config key 'seed'"), e.getMessage());
    }

    @Test
    void emptySpecRejectsAnyKeyAndSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigSpec.EMPTY.validate("sink 'echo'", Map.of("x", 1)));
        assertTrue(e.getMessage().contains("this component takes no settings"), e.getMessage());
    }

    @Test
    void duplicateKeyNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSpec.of(DEPTH, ConfigKey.ofString("depth")));
    }

    @Test
    void keyDescribesItself() {
        assertEquals("depth (int, default 10): book levels", DEPTH.toString());
        assertEquals("file (string, required): the CSV file", FILE.toString());
        assertEquals("enum(FIRST_MATCH|MOST_SPECIFIC)", MODE.typeName());
        assertEquals("1s", INTERVAL.defaultText());
        assertEquals("250ms", ConfigKey.ofDuration("d").defaultValue(Duration.ofMillis(250)).defaultText());
        assertEquals("0.5", VOL.defaultText());
        assertEquals("0.0001", ConfigKey.ofDouble("v").defaultValue(1e-4).defaultText());
        assertEquals("A", VENUES.defaultText());
        assertEquals("[]", ConfigKey.ofStringList("l").defaultValue(List.of()).defaultText());
        assertEquals("'echo: '", ConfigKey.ofString("p").defaultValue("echo: ").defaultText());
        assertEquals("x (list<string>, default A,B)", ConfigKey.ofStringList("x").defaultValue(List.of("A", "B")).toString());
    }

    @Test
    void crossKeyProblemsUseTheSameFormat() {
        ComponentConfig config = SPEC.validate("venue 'sim'", Map.of("file", "f"));
        assertEquals("invalid config for venue 'sim': key 'venues': needs 2 entries",
                config.problem(VENUES, "needs 2 entries").getMessage());
    }
}
