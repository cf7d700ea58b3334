package io.tributary.runtime.transport.redis;

import io.tributary.api.Priority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static io.tributary.runtime.transport.redis.RedisFixtures.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ACL a Tributary user needs (docs/redis.md) is enough: a user with only those commands and
 * the {@code <app>.*} keys publishes, reads, acknowledges, claims, trims, discovers streams and
 * dead-letters; and a wrong password is refused naming the user, never the password.
 */
class RedisAclIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "desk-eu";
    private static final String PASSWORD = "correct-horse-battery";
    /** As documented in docs/redis.md, with {@code <app>} = tributary. */
    static final List<String> TRIBUTARY_ACL = List.of("on", ">" + PASSWORD, "resetkeys", "~tributary.*", "resetchannels",
            "-@all", "+ping", "+eval", "+sadd", "+smembers", "+xadd", "+xreadgroup", "+xack",
            "+xautoclaim", "+xgroup|create", "+xtrim");

    private static LocalRedisServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LocalRedisServer.start(LocalRedisServer.Options.defaults());
        List<String> setUser = new java.util.ArrayList<>(List.of("ACL", "SETUSER", USER, "reset"));
        setUser.addAll(TRIBUTARY_ACL);
        assertEquals("+OK", command(setUser));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aUserWithTheDocumentedAclRunsEverythingTributaryDoesAndUsesEveryCommandInIt() throws Exception {
        command(List.of("ACL", "LOG", "RESET"));
        command(List.of("CONFIG", "RESETSTAT"));
        RedisSettings s = RedisSettings.defaults(server.address(), "tributary").withLogin(USER, PASSWORD)
                // every path a Redis command takes: claims (XAUTOCLAIM) and trimming by age (XTRIM, every
                // maxAge / 10) run on timers. maxAge well above the consumer's discovery period (1 s): with
                // 1 s the entries could be trimmed before the consumer had found their streams
                .withClaimIdle(Duration.ofMillis(200)).withTrim(1_000_000, Duration.ofSeconds(5));
        RedisLanes lanes = new RedisLanes(s);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        int n = 400;
        List<String> granted = TRIBUTARY_ACL.stream().filter(a -> a.startsWith("+")).map(a -> a.substring(1)).toList();
        try (RedisLanePublisher publisher = lanes.publisher();
             // discover: the consumer follows the registry set (SMEMBERS) for topics matching md.*
             RedisLaneConsumer consumer = lanes.consumer(List.of("md.*"), true, (t, k, r, lane, id) -> seen.add(seq(r)), null)
                     .start()) {
            Priority[] all = Priority.values();
            for (int i = 0; i < n; i++) {
                assertTrue(publisher.publish(i % 2 == 0 ? "md.btc" : "md.eth", "k", quote(i), all[i % all.length]));
            }
            publisher.publishBytes("md.btc", "k", "not avro".getBytes(StandardCharsets.UTF_8), Priority.HIGH);
            assertTrue(publisher.flush(WAIT));
            assertTrue(await(WAIT, () -> seen.size() == n && consumer.deadLettered() == 1),
                    "handled " + seen.size() + " of " + n + ", dead letters " + consumer.deadLettered()
                            + ", sent " + publisher.sent()
                            + ", consumer failures " + consumer.failures() + ", denied " + denied());
            // the timers (claims, trimming by age, Redisson's PING) come round: each granted command gets used
            assertTrue(await(WAIT, () -> granted.stream().allMatch(c -> calls(c) > 0)),
                    "granted but never used: " + granted.stream().filter(c -> calls(c) == 0).toList());
            assertEquals(0, publisher.failures(), "publisher calls failed; denied " + denied());
            assertEquals(0, consumer.failures(), "consumer calls failed; denied " + denied());
        }
        assertEquals(1L, command(List.of("XLEN", "tributary.dlq")), "the dead letter went to tributary.dlq");
        assertEquals(List.of(), denied(), "denied by the ACL");
    }

    @Test
    void aUserWithoutTheTrimGrantPublishesButTheFailedTrimsAreCounted() throws Exception {
        String user = "desk-no-trim";   // on a topic outside the other test's md.* (its handler refuses repeats)
        List<String> setUser = new ArrayList<>(List.of("ACL", "SETUSER", user, "reset"));
        setUser.addAll(TRIBUTARY_ACL.stream().filter(a -> !a.equals("+xtrim")).toList());
        assertEquals("+OK", command(setUser));
        RedisSettings s = RedisSettings.defaults(server.address(), "tributary").withLogin(user, PASSWORD)
                .withTrim(1_000_000, Duration.ofSeconds(1));
        try (RedisLanePublisher publisher = new RedisLanes(s).publisher()) {
            for (int i = 0; i < 10; i++) {
                assertTrue(publisher.publish("ops.trim", "k", quote(i), Priority.NORMAL));
            }
            assertTrue(publisher.flush(WAIT));
            // the idle sender trims by age every 100 ms (maxAge / 10, at least 100 ms)
            assertTrue(await(WAIT, () -> publisher.trimFailures() > 0), "a refused XTRIM was not counted");
            assertEquals(0, publisher.failures(), "the messages themselves still went out");
            assertEquals(10, publisher.sent());
            assertTrue(publisher.counters().get("trim-failures") > 0, "trim failures in the run summary's counters");
        }
    }

    @Test
    void theAclKeepsTheUserToItsOwnKeysAndCommands() {
        Object outside = command(List.of("AUTH", USER, PASSWORD), List.of("SET", "other.key", "x"));
        assertTrue(String.valueOf(outside).startsWith("-NOPERM"), String.valueOf(outside));
        Object ownKeyOtherCommand = command(List.of("AUTH", USER, PASSWORD), List.of("DEL", "tributary.dlq"));
        assertTrue(String.valueOf(ownKeyOtherCommand).startsWith("-NOPERM"), String.valueOf(ownKeyOtherCommand));
        Object admin = command(List.of("AUTH", USER, PASSWORD), List.of("FLUSHALL"));
        assertTrue(String.valueOf(admin).startsWith("-NOPERM"), String.valueOf(admin));
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheUserNotThePassword() {
        String wrong = "Tr0ub4dor-guess";
        RedisSettings s = RedisSettings.defaults(server.address(), "tributary").withLogin(USER, wrong);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RedisClients.connect(s).shutdown());
        String m = e.getMessage();
        assertTrue(m.contains("cannot connect to Redis at " + server.address() + " as user '" + USER + "'"), m);
        assertTrue(m.contains("WRONGPASS"), m);
        assertFalse(m.contains(wrong), m);
        assertFalse(s.toString().contains(wrong), s.toString());
    }

    /**
     * What ACL LOG holds, as "reason object by user", without Redisson's start-up probe for a
     * cluster proxy ({@code EVAL "redis.call('get', KEYS[1]) ..." 2 test1 test2}): denied on every
     * new client, and harmless (Redisson takes the refusal as "not a cluster").
     */
    private static List<String> denied() {
        List<String> out = new ArrayList<>();
        for (Object entry : (List<?>) command(List.of("ACL", "LOG"))) {
            List<?> kv = (List<?>) entry;
            java.util.Map<Object, Object> fields = new java.util.HashMap<>();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                fields.put(kv.get(i), kv.get(i + 1));
            }
            Object object = fields.get("object");
            if (!"test1".equals(object) && !"test2".equals(object)) {
                out.add(fields.get("reason") + " " + object + " by " + fields.get("username"));
            }
        }
        return out;
    }

    /** Calls of {@code cmd} (e.g. {@code xadd}, {@code xgroup|create}) since the last CONFIG RESETSTAT, scripts' included. */
    private static long calls(String cmd) {
        String stats = (String) command(List.of("INFO", "commandstats"));
        String prefix = "cmdstat_" + cmd + ":calls=";
        for (String line : stats.split("\r\n")) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length(), line.indexOf(',')));
            }
        }
        return 0;
    }

    /** Sends commands on one connection as the default user; the last one's reply (String, Long or List). */
    @SafeVarargs
    private static Object command(List<String>... commands) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            Object reply = null;
            for (List<String> args : commands) {
                StringBuilder resp = new StringBuilder("*").append(args.size()).append("\r\n");
                for (String a : args) {
                    resp.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
                }
                out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                reply = read(in);
            }
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("talking to " + server.address(), e);
        }
    }

    /** One RESP2 reply: a status ("+OK") or error ("-NOPERM ...") as text, an integer, a bulk string, an array. */
    private static Object read(DataInputStream in) throws IOException {
        String line = line(in);
        switch (line.charAt(0)) {
            case '+', '-':
                return line;
            case ':':
                return Long.parseLong(line.substring(1));
            case '$': {
                int len = Integer.parseInt(line.substring(1));
                if (len < 0) {
                    return null;
                }
                byte[] bytes = new byte[len + 2];
                in.readFully(bytes);
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            case '*': {
                int len = Integer.parseInt(line.substring(1));
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < len; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP reply: " + line);
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed after '" + b + "'");
            }
            b.append((char) c);
        }
        in.read();
        return b.toString();
    }
}
