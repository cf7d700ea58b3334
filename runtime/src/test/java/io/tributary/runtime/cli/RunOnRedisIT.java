package io.tributary.runtime.cli;

import io.tributary.runtime.plugin.TestPlugins;
import io.tributary.runtime.transport.redis.LocalRedisServer;
import io.tributary.runtime.transport.redis.RedisClients;
import io.tributary.runtime.transport.redis.RedisSettings;
import io.tributary.runtime.transport.redis.WrappingCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamInfo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --transport redis} in-process against a real {@code redis-server}: the desk's topic
 * source is fed through Redis Streams (plain {@code api.market} quotes cross as Avro), its outputs
 * come back onto the bus, and the streams and the consumer group are left in Redis for inspection.
 */
class RunOnRedisIT {
    private static final Pattern PROGRESS = Pattern.compile("(?m)^\\[\\s+\\d+\\.\\ds\\] msg/s C .* \\| redis sent \\S+/s recv \\S+/s buffered \\d+$");

    @TempDir
    static Path pluginsDir;

    @BeforeAll
    static void buildPlugins() throws IOException {
        TestPlugins.ticker(pluginsDir.resolve("ticker.jar"));
    }

    @Test
    void theDeskRunsOverARunningRedisAndLeavesItsStreamsThere() {
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> TributaryCliTest.exec(
                    "run", KafkaDesk.class.getName(), "--transport", "redis", "--redis", server.address(),
                    "--duration", "4s", "--plugins", pluginsDir.toString()));
            String out = r.out();
            assertEquals(0, r.code(), r.err() + out);
            assertTrue(out.startsWith("running kafka-desk (") && out.contains(" on Redis at " + server.address()
                    + " (streams for: kafka-in) for 4s"), out);
            assertTrue(PROGRESS.matcher(out).find(), "a progress line with Redis rates: " + out);
            for (String sink : new String[] {"desk\\.in\\.quotes", "desk\\.out\\.even", "desk\\.out\\.odd"}) {
                assertTrue(TributaryCliTest.count(out, sink + "=(\\d+)") > 0, sink + " had outputs: " + out);
            }
            long bridged = TributaryCliTest.count(out, "redis\\.bridged=(\\d+)");
            long received = TributaryCliTest.count(out, "redis\\.received=(\\d+)");
            assertTrue(bridged > 0 && received > 0, out);
            assertTrue(TributaryCliTest.count(out, "redis\\.xadd=(\\d+)") >= received, out);
            assertTrue(TributaryCliTest.count(out, "redis\\.not-sent=(\\d+)") > 0, "the raw strings have no Avro form: " + out);
            assertEquals(0, TributaryCliTest.count(out, "redis\\.duplicates=(\\d+)"), out);
            // the desk's Redis source saw only what came through Redis, each once
            assertTrue(TributaryCliTest.count(out, "desk\\.out\\.even=(\\d+)") + TributaryCliTest.count(out, "desk\\.out\\.odd=(\\d+)") <= received, out);

            RedissonClient client = RedisClients.connect(RedisSettings.defaults(server.address(), "inspect"));
            try {
                Set<String> topics = client.<String>getSet("tributary.streams", WrappingCodec.STRINGS).readAll();
                assertEquals(Set.of("desk.in.quotes"), topics, "registered topics");
                long entries = 0;
                for (String lane : new String[] {"critical", "high", "normal", "low"}) {
                    String stream = "tributary.desk.in.quotes." + lane;
                    if (client.getStream(stream, RedisClients.ENTRY_CODEC).isExists()) {
                        StreamInfo<String, byte[]> info = client.<String, byte[]>getStream(stream, RedisClients.ENTRY_CODEC).getInfo();
                        entries += info.getLength();
                        assertEquals(1, info.getGroups(), stream + " has the consumer group tributary");
                        assertEquals(0, client.getStream(stream, RedisClients.ENTRY_CODEC).getPendingInfo("tributary").getTotal(),
                                stream + ": everything handled was acknowledged");
                    }
                }
                assertEquals(TributaryCliTest.count(out, "redis\\.entries=(\\d+)"), entries, "every entry written is in a lane stream");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void withoutAnAddressALocalRedisServerIsStartedForTheRun() {
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> TributaryCliTest.exec(
                "run", KafkaDesk.class.getName(), "--transport", "redis", "--duration", "2s",
                "--plugins", pluginsDir.toString()));
        String out = r.out();
        assertEquals(0, r.code(), r.err() + out);
        assertTrue(out.startsWith("starting a local redis-server for this run ("), out);
        assertTrue(Pattern.compile("on Redis at redis://127\\.0\\.0\\.1:\\d+ \\(streams for: kafka-in\\)").matcher(out).find(), out);
        assertTrue(TributaryCliTest.count(out, "redis\\.received=(\\d+)") > 0, out);
    }

    @Test
    void anUnreachableAddressIsAClearError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String address = "redis://127.0.0.1:" + port;
        TributaryCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TributaryCliTest.exec(
                "run", KafkaDesk.class.getName(), "--transport", "redis", "--redis", address, "--duration", "1s",
                "--plugins", pluginsDir.toString()));
        assertEquals(1, r.code(), r.out());
        assertEquals("cannot connect to Redis at " + address + " as user 'default' without a password: Connection refused",
                r.err().lines().findFirst().orElse(""), r.err());
        assertTrue(r.err().contains("pass --redis redis://HOST:PORT"), r.err());
        assertTrue(!r.err().contains("\tat "), "one message, no stack trace: " + r.err());
        assertTrue(!r.out().contains("Summary:"), "no summary of a run that never started: " + r.out());
    }

    @Test
    void redisOptionsAreChecked() throws IOException {
        TributaryCliTest.Result inMemory = TributaryCliTest.exec("run", "echo-desk", "--redis", "redis://r:6379",
                "--duration", "1s", "--plugins", pluginsDir.toString());
        assertEquals(1, inMemory.code());
        assertTrue(inMemory.err().contains("--redis redis://r:6379 needs --transport redis (transport is inmemory)"),
                inMemory.err());

        TributaryCliTest.Result malformed = TributaryCliTest.exec("run", "echo-desk", "--transport", "redis",
                "--redis", "r:6379", "--duration", "1s", "--plugins", pluginsDir.toString());
        assertEquals(1, malformed.code());
        assertTrue(malformed.err().contains("--redis expects redis://HOST:PORT, rediss://HOST:PORT (TLS) or local"
                + " (a redis-server started for the run), was 'r:6379'"), malformed.err());

        Path bad = Files.writeString(pluginsDir.resolveSibling("bad-redis.conf"),
                "tributary.transport.redis { address = \"localhost:6379\", app = \"my desk\" }");
        TributaryCliTest.Result invalid = TributaryCliTest.exec("run", "echo-desk", "--transport", "redis",
                "--config", bad.toString(), "--plugins", pluginsDir.toString());
        assertEquals(1, invalid.code());
        assertTrue(invalid.err().contains("tributary.transport.redis.address: expected redis://HOST:PORT or "
                + "rediss://HOST:PORT, was 'localhost:6379'"), invalid.err());
        assertTrue(invalid.err().contains("tributary.transport.redis.app: expected letters, digits, '_' or '-'"),
                invalid.err());
    }

    @Test
    void withoutAnInstalledRedisServerTheErrorSaysWhatToInstallAndWhatToPass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisSession.installedServer(Optional.empty()));
        assertTrue(e.getMessage().contains("none is installed (no redis-server on the PATH)"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install redis-server"), e.getMessage());
        assertTrue(e.getMessage().contains("--redis redis://HOST:PORT"), e.getMessage());
        assertEquals("/usr/bin/redis-server", RedisSession.installedServer(Optional.of("/usr/bin/redis-server")));
    }
}
