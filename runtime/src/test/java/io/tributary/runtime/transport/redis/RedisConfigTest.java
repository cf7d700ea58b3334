package io.tributary.runtime.transport.redis;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.runtime.config.ConfigLoader;
import io.tributary.runtime.config.ConfigProblem;
import io.tributary.runtime.config.InvalidConfigException;
import io.tributary.runtime.config.TributaryConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tributary.transport.redis}: read into {@link RedisSettings}; bad values named by key. */
class RedisConfigTest {
    private static TributaryConfig load(Path dir, String hocon) throws Exception {
        Path file = dir.resolve("t.conf");
        Files.writeString(file, hocon);
        return new ConfigLoader(Map.of(), new Properties(), RedisConfigTest.class.getClassLoader(), 2).load(file);
    }

    @Test
    void readsTheRedisBlock(@TempDir Path dir) throws Exception {
        TributaryConfig cfg = load(dir, """
                tributary.transport { type = redis, redis {
                  address = "redis://10.0.0.5:6380", username = desk, password = pw, database = 2
                  streamMode = topic, maxLength = 5000, maxAge = 10m, batch { max = 500, flushInterval = 2ms }
                  messagesPerEntry = 4
                  claimIdle = 5s, bufferLimit = 1000 } }
                """);
        RedisSettings s = RedisSettings.fromConfig(cfg.transport().redis(), "desk");
        assertEquals("redis://10.0.0.5:6380", s.address());
        assertEquals("desk", s.username());
        assertEquals("pw", s.password());
        assertEquals(2, s.database());
        assertEquals(RedisSettings.StreamMode.TOPIC, s.streamMode());
        assertEquals(5000, s.maxLength());
        assertEquals(Duration.ofMinutes(10), s.maxAge());
        assertEquals(500, s.batchMax());
        assertEquals(Duration.ofMillis(2), s.flushInterval());
        assertEquals(4, s.messagesPerEntry());
        assertEquals(Duration.ofSeconds(5), s.claimIdle());
        assertEquals(1000, s.bufferLimit());
        assertTrue(!s.toString().contains("pw,") && !s.toString().contains(" pw"), s.toString());
        TributaryConfig defaults = load(dir, "tributary.transport.type = redis");
        assertNull(defaults.transport().redis().password());
        assertEquals(RedisSettings.StreamMode.LANE, RedisSettings.fromConfig(defaults.transport().redis(), "a").streamMode());
        assertEquals(16, RedisSettings.fromConfig(defaults.transport().redis(), "a").messagesPerEntry());
    }

    @Test
    void messagesPerEntryOutOfRangeIsNamed(@TempDir Path dir) {
        for (String bad : new String[] {"0", "1025", "lots"}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> load(dir, "tributary.transport { type = redis, redis.messagesPerEntry = " + bad + " }"));
            assertTrue(e.getMessage().contains("tributary.transport.redis.messagesPerEntry"), e.getMessage());
            assertTrue(e.getMessage().contains("1024") || e.getMessage().contains("1,024"), "the range: " + e.getMessage());
        }
        IllegalArgumentException inCode = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.defaults("redis://127.0.0.1:6379", "a").withMessagesPerEntry(0));
        assertTrue(inCode.getMessage().contains("messagesPerEntry"), inCode.getMessage());
    }

    @Test
    void errorsNameTheKey(@TempDir Path dir) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(dir, """
                tributary.transport { type = redis, redis {
                  address = "http://localhost", streamMode = sideways, maxLength = 0, maxAge = forever
                  batch { max = 0, flushInterval = 0ms }, claimIdle = -1s, bufferLimit = "lots", database = -1
                  tls.truststore = /tmp/x.p12 } }
                """));
        String m = e.getMessage();
        for (String key : new String[] {"redis.address", "redis.streamMode", "redis.maxLength", "redis.maxAge",
                "redis.batch.max", "redis.batch.flushInterval", "redis.claimIdle", "redis.bufferLimit", "redis.database",
                "redis.tls.truststore"}) {
            assertTrue(m.contains("tributary.transport." + key), "no problem named " + key + " in:\n" + m);
        }
        InvalidConfigException typo = assertThrows(InvalidConfigException.class,
                () -> load(dir, "tributary.transport.redis.maxLenght = 5"));
        assertTrue(typo.getMessage().contains("tributary.transport.redis.maxLenght")
                && typo.getMessage().contains("did you mean tributary.transport.redis.maxLength"), typo.getMessage());
    }

    @Test
    void readsThePerLaneSettings(@TempDir Path dir) throws Exception {
        TributaryConfig cfg = load(dir, """
                tributary.transport { type = redis, redis {
                  readCount = 64, blockTimeout = 250ms, recentIds = 1000
                  lanes {
                    critical { overflow = reject }
                    high { overflow = drop_oldest, maxWait = 1ms }
                    normal { maxWait = 0s }
                    low { overflow = CONFLATE, maxWait = 2s }
                  }
                } }
                """);
        RedisSettings s = RedisSettings.fromConfig(cfg.transport().redis(), "desk");
        assertEquals(64, s.readCount());
        assertEquals(Duration.ofMillis(250), s.blockTimeout());
        assertEquals(1000, s.recentIds());
        assertEquals(Map.of(Priority.CRITICAL, OverflowPolicy.REJECT, Priority.HIGH, OverflowPolicy.DROP_OLDEST,
                Priority.NORMAL, OverflowPolicy.BLOCK, Priority.LOW, OverflowPolicy.CONFLATE), s.overflow());
        assertEquals(Map.of(Priority.CRITICAL, Duration.ZERO, Priority.HIGH, Duration.ofMillis(1),
                Priority.NORMAL, Duration.ZERO, Priority.LOW, Duration.ofSeconds(2)), s.maxWait());
    }

    @Test
    void reference_confDefaultsAreTheCodeDefaults(@TempDir Path dir) throws Exception {
        TributaryConfig cfg = load(dir, "tributary.transport.type = redis");
        RedisSettings fromFile = RedisSettings.fromConfig(cfg.transport().redis());
        assertEquals(RedisSettings.defaults("redis://127.0.0.1:6379", "tributary"), fromFile);
    }

    @Test
    void badPerLaneValuesAreNamedByTheirFullKeyWithTheValue(@TempDir Path dir) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(dir, """
                tributary.transport { type = redis, redis {
                  readCount = 0, blockTimeout = forever, recentIds = -3
                  lanes {
                    critical { overflow = sometimes }
                    high { maxWait = -5ms }
                    normal { maxWait = soon }
                    low { overflow = 7, maxWait = 2h }
                  }
                } }
                """));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("readCount", "was 0");
        expected.put("blockTimeout", "was \"forever\"");
        expected.put("recentIds", "was -3");
        expected.put("lanes.critical.overflow", "was \"sometimes\"");
        expected.put("lanes.high.maxWait", "was -5ms");
        expected.put("lanes.normal.maxWait", "was \"soon\"");
        expected.put("lanes.low.overflow", "was 7");
        expected.put("lanes.low.maxWait", "was 2h");
        for (Map.Entry<String, String> x : expected.entrySet()) {
            String key = "tributary.transport.redis." + x.getKey();
            ConfigProblem p = e.problems().stream().filter(q -> q.path().equals(key)).findFirst()
                    .orElseThrow(() -> new AssertionError("no problem named " + key + " in:\n" + e.getMessage()));
            assertTrue(p.message().contains(x.getValue()), p.toString());
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
        assertTrue(e.problems().stream().anyMatch(q -> q.path().endsWith("lanes.critical.overflow")
                && q.message().contains("block, conflate, drop_oldest, reject")), e.getMessage());

        // CRITICAL is never held back: like executor.lanes.critical, it has no maxWait to set
        InvalidConfigException critical = assertThrows(InvalidConfigException.class,
                () -> load(dir, "tributary.transport { type = redis, redis.lanes.critical.maxWait = 1ms }"));
        assertTrue(critical.getMessage().contains("tributary.transport.redis.lanes.critical.maxWait: unknown setting"),
                critical.getMessage());
    }
}
