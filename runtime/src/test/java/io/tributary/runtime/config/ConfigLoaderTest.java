package io.tributary.runtime.config;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static ConfigLoader loader(Map<String, String> env, Properties props) {
        return new ConfigLoader(env, props, ConfigLoaderTest.class.getClassLoader(), 4);
    }

    private static ConfigLoader loader(Map<String, String> env) {
        return loader(env, new Properties());
    }

    private Path file(String content) throws IOException {
        Path f = dir.resolve("tributary.conf");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void defaultsComeFromReferenceConfWithTheDevProfile() {
        TributaryConfig c = loader(Map.of()).load();
        assertEquals("dev", c.profile());
        assertEquals(1, c.executor().minWorkers());
        assertEquals(8, c.executor().maxWorkers(), "0 means twice the cores");
        assertEquals(OverflowPolicy.DROP_OLDEST, c.executor().lane(Priority.LOW).overflow());
        assertEquals(8, c.executor().lane(Priority.HIGH).weight());
        assertNull(c.executor().lane(Priority.CRITICAL).maxWait(), "CRITICAL is always served first");
        assertEquals(1024, c.executor().lane(Priority.CRITICAL).capacity());
        assertEquals(Duration.ofSeconds(10), c.executor().blockTimeout());
        assertEquals(4096, c.executor().keySlots());
        assertEquals(Duration.ofMillis(2), c.executor().scale().upWait());
        assertEquals(Duration.ofMillis(50), c.executor().lane(Priority.LOW).maxWait());
        assertEquals(Duration.ofSeconds(1), c.run().progressInterval());
        assertTrue(c.run().untilInterrupted());
        assertEquals(TransportSettings.Type.INMEMORY, c.transport().type());
        assertNull(c.transport().kafka(), "placeholders are read only when selected");
        assertEquals(Duration.ofMillis(10), c.timerPeriod());
    }

    @Test
    void profileFromTheEnvironmentOverridesDefaults() {
        TributaryConfig c = loader(Map.of("TRIBUTARY_PROFILE", "prod")).load();
        assertEquals("prod", c.profile());
        assertEquals(4, c.executor().minWorkers());
        assertEquals(Duration.ofMillis(20), c.executor().lane(Priority.LOW).maxWait());
    }

    @Test
    void theFileOverridesItsProfileAndForcedEnvironmentOverridesTheFile() throws IOException {
        Path f = file("tributary { profile = staging, executor.minWorkers = 3, executor.maxWorkers = 12 }");
        TributaryConfig fromFile = loader(Map.of()).load(f);
        assertEquals("staging", fromFile.profile());
        assertEquals(3, fromFile.executor().minWorkers(), "file beats profile");
        TributaryConfig profileOnly = loader(Map.of()).load(Files.writeString(dir.resolve("staging.conf"),
                "tributary.profile = staging"));
        assertEquals(2, profileOnly.executor().minWorkers(), "profile beats defaults");

        Properties props = new Properties();
        props.setProperty("tributary.executor.maxWorkers", "10");
        assertEquals(10, loader(Map.of(), props).load(f).executor().maxWorkers(), "system property beats file");

        TributaryConfig forced = loader(Map.of("CONFIG_FORCE_tributary_executor_maxWorkers", "16"), props).load(f);
        assertEquals(16, forced.executor().maxWorkers(), "CONFIG_FORCE_ beats everything");
    }

    @Test
    void transportChoiceFromTheEnvironmentValidatesItsSection() {
        TributaryConfig c = loader(Map.of("TRIBUTARY_TRANSPORT", "kafka", "TRIBUTARY_KAFKA_BOOTSTRAP", "k1:9092,k2:9092")).load();
        assertEquals(TransportSettings.Type.KAFKA, c.transport().type());
        assertEquals("k1:9092,k2:9092", c.transport().kafka().bootstrapServers());
    }

    @Test
    void theKafkaOutboxDefaultsAndItsErrors() throws IOException {
        TransportSettings.Kafka.Outbox defaults = loader(Map.of("TRIBUTARY_TRANSPORT", "kafka")).load()
                .transport().kafka().outbox();
        assertEquals(TransportSettings.Kafka.Outbox.defaults(), defaults, "reference.conf and the code agree");
        assertEquals(OverflowPolicy.DROP_OLDEST, defaults.overflow().get(Priority.LOW));
        assertEquals(OverflowPolicy.BLOCK, defaults.overflow().get(Priority.CRITICAL));

        Path set = file("tributary.transport { type = kafka, kafka.outbox { limit = 8, blockTimeout = 50ms,"
                + " lanes.normal = reject } }");
        TransportSettings.Kafka.Outbox outbox = loader(Map.of()).load(set).transport().kafka().outbox();
        assertEquals(8, outbox.limit());
        assertEquals(java.time.Duration.ofMillis(50), outbox.blockTimeout());
        assertEquals(OverflowPolicy.REJECT, outbox.overflow().get(Priority.NORMAL));
        assertEquals(OverflowPolicy.BLOCK, outbox.overflow().get(Priority.HIGH), "the others keep their defaults");

        Path bad = file("tributary.transport { type = kafka, kafka.outbox { limit = 0, lanes.low = sometimes } }");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(bad));
        assertTrue(e.getMessage().contains("tributary.transport.kafka.outbox.limit"), e.getMessage());
        assertTrue(e.getMessage().contains("tributary.transport.kafka.outbox.lanes.low: expected one of block, conflate,"
                + " drop_oldest, reject, was \"sometimes\""), e.getMessage());
    }

    @Test
    void reportsEveryErrorNamingTheKeyAndWhatWasExpected() throws IOException {
        Path f = file(String.join("\n",
                "tributary {",
                "  executor {",
                "    maxWorkers = 100",
                "    maxWoker = 3",
                "    lanes.low { capacity = 1000, overflow = SOMETIMES }",
                "    flushInterval = fast",
                "  }",
                "  run.progressInterval = 10ms",
                "  transport { type = redis, redis.address = \"http://x\" }",
                "  plan.timerPeriod = 0ms",
                "}"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(f));
        List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
        assertTrue(paths.contains("tributary.executor.maxWoker"), e.getMessage());
        // unknown keys are reported first, before the typed settings are read
        assertEquals(List.of("tributary.executor.maxWoker"), paths, e.getMessage());

        Path fixedTypo = file(Files.readString(f).replace("    maxWoker = 3\n", ""));
        e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(fixedTypo));
        assertEquals(List.of(
                "tributary.executor.maxWorkers",
                "tributary.executor.flushInterval",
                "tributary.executor.lanes.low.capacity",
                "tributary.executor.lanes.low.overflow",
                "tributary.run.progressInterval",
                "tributary.transport.redis.address",
                "tributary.plan.timerPeriod"), e.problems().stream().map(ConfigProblem::path).toList(), e.getMessage());
        String text = e.getMessage();
        assertTrue(text.startsWith("invalid configuration (7 errors):"), text);
        assertTrue(text.contains("tributary.executor.maxWorkers: expected an integer in [0, 64], was 100 (" ), text);
        assertTrue(text.contains("tributary.conf: 3)"), "names the file and line: " + text);
        assertTrue(text.contains("tributary.executor.lanes.low.capacity: expected a power of two in [2, 16777216], was 1000 ("), text);
        assertTrue(text.contains("tributary.executor.lanes.low.overflow: expected one of block, conflate, drop_oldest, reject, was \"SOMETIMES\""), text);
        assertTrue(text.contains("tributary.executor.flushInterval: expected a duration"), text);
        assertTrue(text.contains("tributary.run.progressInterval: expected a duration in [100ms, 1h] such as 500ms or 10s, was 10ms"), text);
        assertTrue(text.contains("tributary.transport.redis.address: expected redis://HOST:PORT or rediss://HOST:PORT, was 'http://x' ("), text);
    }

    @Test
    void unknownKeysSuggestTheNearestKnownOneAlsoInsideProfiles() throws IOException {
        Path f = file("tributary.profiles.prod.executor.minWorker = 2\ntributary.run.durration = 5s\ntributary.nonsense.thing = 1");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(f));
        String text = e.getMessage();
        assertTrue(text.contains("tributary.profiles.prod.executor.minWorker: unknown setting; did you mean tributary.executor.minWorkers?"), text);
        assertTrue(text.contains("tributary.run.durration: unknown setting; did you mean tributary.run.duration?"), text);
        assertTrue(text.contains("tributary.nonsense.thing: unknown setting ("), text);
    }

    @Test
    void metricsBlockIsAcceptedAndCheckedKeyByKey() throws IOException {
        Path good = file("tributary.metrics { http { enabled = true, port = 9464 }, alerts.rules.slow-fills {"
                + " metric = \"tributary.desk.fills.in\", condition = \">\", threshold = 10, severity = warning } }");
        TributaryConfig c = loader(Map.of()).load(good);
        assertEquals(9464, c.raw().getInt("tributary.metrics.http.port"));

        Path bad = file("tributary.metrics { http { enabled = yes-please, prot = 9464 } }");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(bad));
        assertEquals("tributary.metrics", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("tributary.metrics.http."), e.getMessage());
    }

    @Test
    void criticalHasNoWeightOrMaxWait() throws IOException {
        Path f = file("tributary.executor.lanes.critical.weight = 3");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(f));
        assertEquals("tributary.executor.lanes.critical.weight", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("CRITICAL is always served first: it has no weight or maxWait"), e.getMessage());
    }

    @Test
    void minWorkersAboveMaxWorkersIsAnError() throws IOException {
        Path f = file("tributary.executor { minWorkers = 9, maxWorkers = 4 }");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(f));
        assertEquals(List.of(new ConfigProblem("tributary.executor.minWorkers", "expected at most maxWorkers (4), was 9")),
                e.problems());
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> loader(Map.of("TRIBUTARY_PROFILE", "qa")).load());
        assertEquals("tributary.profile", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("unknown profile 'qa'; profiles: dev, prod, staging"), e.getMessage());
    }

    @Test
    void unparsableAndMissingFilesAreNamed() throws IOException {
        Path f = file("tributary { executor = { ");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(f));
        assertEquals(f.toString(), e.problems().get(0).path());
        assertTrue(e.getMessage().contains("tributary.conf: 1"), e.getMessage());

        Path missing = dir.resolve("nope.conf");
        e = assertThrows(InvalidConfigException.class, () -> loader(Map.of()).load(missing));
        assertEquals(List.of(new ConfigProblem(missing.toString(), "no such file")), e.problems());
    }

    @Test
    void forcedEnvironmentNamesFollowTypesafeConventions() {
        assertEquals("tributary.executor.maxWorkers", ConfigLoader.envToPath("tributary_executor_maxWorkers"));
        assertEquals("a.b-c_d", ConfigLoader.envToPath("a_b__c___d"));
    }

    @Test
    void renderShowsTheResolvedSettings() {
        String text = loader(Map.of("TRIBUTARY_PROFILE", "staging")).load().render();
        assertTrue(text.contains("minWorkers=2") || text.contains("minWorkers = 2"), text);
        assertTrue(text.contains("profile=staging") || text.contains("profile = staging") || text.contains("profile=\"staging\""), text);
    }

    @Test
    void validatedSettingsBuildTheEngineConfiguration() {
        TributaryConfig c = loader(Map.of("TRIBUTARY_PROFILE", "prod")).load();
        io.tributary.runtime.exec.ExecutorConfig exec = EngineConfigs.executor(c.executor());
        assertEquals(4, exec.minWorkers());
        assertEquals(8, exec.maxWorkers());
        assertEquals(Duration.ofMillis(20), exec.maxWait(Priority.LOW));
        assertNull(exec.maxWait(Priority.CRITICAL));
        assertEquals(OverflowPolicy.DROP_OLDEST, exec.overflowPolicy(Priority.LOW));
        assertEquals(8, exec.weight(Priority.HIGH));
        assertEquals(1024, exec.laneCapacity(Priority.NORMAL));
        assertEquals(exec.maxBatch(), EngineConfigs.bus(c).executor().maxBatch());
    }
}
