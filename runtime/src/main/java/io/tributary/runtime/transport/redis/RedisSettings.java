package io.tributary.runtime.transport.redis;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.runtime.config.TransportSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the Redis Streams transport needs: where Redis is and how to log in, how streams are
 * named and trimmed, how writes are batched and how much is buffered while Redis is away.
 * {@link #fromConfig} reads {@code tributary.transport.redis} (validated by the config loader).
 *
 * @param address        {@code redis://host:port} or {@code rediss://host:port} (TLS)
 * @param username       ACL user, null for the default user
 * @param password       null: no AUTH
 * @param database       SELECT index
 * @param tlsTruststore  null: the JVM's trust store (only with {@code rediss://})
 * @param tlsTruststorePassword null if none
 * @param tlsVerifyHostname check the server certificate's host name
 * @param connectTimeout TCP connect timeout
 * @param timeout        command response timeout
 * @param streamMode     a stream per lane of each topic, or one stream per topic
 * @param app            application name: stream prefix and consumer group
 * @param maxLength      XADD {@code MAXLEN ~} bound per stream
 * @param maxAge         entries older than this are trimmed ({@code XTRIM MINID ~}); zero: no age trim
 * @param batchMax       messages per batch (one script call)
 * @param flushInterval  a partial batch is sent after at most this long
 * @param messagesPerEntry messages of one stream that may share a stream entry (already queued together); 1: one per entry
 * @param claimIdle      entries pending this long on a consumer are claimed by another
 * @param bufferLimit    outgoing messages held while Redis is slow or away; then the lane's overflow policy
 * @param blockTimeout   how long a BLOCK lane's publisher waits for buffer room before refusing
 * @param readCount      messages per XREADGROUP (read as readCount / messagesPerEntry entries): a CRITICAL
 *                       message waits behind about this many of its lane
 * @param recentIds      message ids remembered per consumer to drop redeliveries
 * @param overflow       per lane, what a full buffer does
 * @param maxWait        per lane (CRITICAL unused), how long a lane with entries may be held back by higher ones
 */
public record RedisSettings(String address, String username, String password, int database,
                            Path tlsTruststore, String tlsTruststorePassword, boolean tlsVerifyHostname,
                            Duration connectTimeout, Duration timeout, StreamMode streamMode, String app,
                            long maxLength, Duration maxAge, int batchMax, Duration flushInterval,
                            int messagesPerEntry, Duration claimIdle, int bufferLimit, Duration blockTimeout, int readCount,
                            int recentIds, Map<Priority, OverflowPolicy> overflow, Map<Priority, Duration> maxWait) {

    /** Upper bound of {@link #messagesPerEntry}: a packed entry's fields are one Lua call's arguments. */
    public static final int MAX_MESSAGES_PER_ENTRY = 1_024;

    /** How topics map to streams. */
    public enum StreamMode {
        /** {@code <app>.<topic>.<lane>}: four streams per topic, read CRITICAL first (default). */
        LANE,
        /** {@code <app>.<topic>}: one stream per topic, the lane travels in the entry; read in arrival order. */
        TOPIC
    }

    public RedisSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(streamMode, "streamMode");
        overflow = Map.copyOf(overflow);
        maxWait = Map.copyOf(maxWait);
        for (Priority p : Priority.values()) {
            if (!overflow.containsKey(p)) {
                throw new IllegalArgumentException("overflow policy missing for lane " + p);
            }
        }
        if (messagesPerEntry < 1 || messagesPerEntry > MAX_MESSAGES_PER_ENTRY) {
            throw new IllegalArgumentException("messagesPerEntry must be in [1, " + MAX_MESSAGES_PER_ENTRY + "], was "
                    + messagesPerEntry);
        }
        if (batchMax < 1 || bufferLimit < 1 || readCount < 1 || recentIds < 1 || maxLength < 1) {
            throw new IllegalArgumentException("batchMax, bufferLimit, readCount, recentIds and maxLength must be >= 1");
        }
    }

    /** Defaults for {@code address} and {@code app}: no login, streams per lane, 1M entries per stream. */
    public static RedisSettings defaults(String address, String app) {
        Map<Priority, OverflowPolicy> overflow = new EnumMap<>(Priority.class);
        overflow.put(Priority.CRITICAL, OverflowPolicy.BLOCK);
        overflow.put(Priority.HIGH, OverflowPolicy.BLOCK);
        overflow.put(Priority.NORMAL, OverflowPolicy.BLOCK);
        overflow.put(Priority.LOW, OverflowPolicy.DROP_OLDEST);
        Map<Priority, Duration> maxWait = new EnumMap<>(Priority.class);
        maxWait.put(Priority.CRITICAL, Duration.ZERO);
        maxWait.put(Priority.HIGH, Duration.ofMillis(5));
        maxWait.put(Priority.NORMAL, Duration.ofMillis(20));
        maxWait.put(Priority.LOW, Duration.ofMillis(50));
        return new RedisSettings(address, null, null, 0, null, null, true, Duration.ofSeconds(5), Duration.ofSeconds(3),
                StreamMode.LANE, app, 1_000_000, Duration.ZERO, 1_000, Duration.ofMillis(1), 16, Duration.ofSeconds(30),
                100_000, Duration.ofSeconds(1), 256, 65_536, overflow, maxWait);
    }

    /** From the validated {@code tributary.transport.redis} block, with its {@code app}. */
    public static RedisSettings fromConfig(TransportSettings.Redis c) {
        return fromConfig(c, c.app());
    }

    /** From the validated {@code tributary.transport.redis} block, with another {@code app}. */
    public static RedisSettings fromConfig(TransportSettings.Redis c, String app) {
        Map<Priority, OverflowPolicy> overflow = new EnumMap<>(Priority.class);
        Map<Priority, Duration> maxWait = new EnumMap<>(Priority.class);
        c.lanes().forEach((lane, l) -> {
            overflow.put(lane, l.overflow());
            maxWait.put(lane, l.maxWait());
        });
        return new RedisSettings(c.address(), c.username(), c.password(), c.database(), c.tlsTruststore(),
                c.tlsTruststorePassword(), c.tlsVerifyHostname(), c.connectTimeout(), c.timeout(),
                StreamMode.valueOf(c.streamMode().name()), app, c.maxLength(), c.maxAge(), c.batchMax(),
                c.flushInterval(), c.messagesPerEntry(), c.claimIdle(), c.bufferLimit(), c.blockTimeout(), c.readCount(),
                c.recentIds(), overflow, maxWait);
    }

    public RedisSettings withAddress(String value) {
        return new RedisSettings(value, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withLogin(String user, String pass) {
        return new RedisSettings(address, user, pass, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withStreamMode(StreamMode value) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, value, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withTrim(long length, Duration age) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, length, age, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withBatch(int max, Duration flush) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, max, flush,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withMessagesPerEntry(int value) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                value, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withClaimIdle(Duration value) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, value, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withBuffer(int limit, Duration block, Map<Priority, OverflowPolicy> policies) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, limit, block, readCount, recentIds, policies, maxWait);
    }

    public RedisSettings withReadCount(int value) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, value, recentIds, overflow, maxWait);
    }

    public RedisSettings withTimeouts(Duration connect, Duration command) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connect, command, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, maxWait);
    }

    public RedisSettings withMaxWait(Map<Priority, Duration> value) {
        return new RedisSettings(address, username, password, database, tlsTruststore, tlsTruststorePassword,
                tlsVerifyHostname, connectTimeout, timeout, streamMode, app, maxLength, maxAge, batchMax, flushInterval,
                messagesPerEntry, claimIdle, bufferLimit, blockTimeout, readCount, recentIds, overflow, value);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RedisSettings[" + address + (username == null ? "" : " user " + username) + " db " + database
                + ", app " + app + ", streams per " + streamMode.name().toLowerCase(java.util.Locale.ROOT)
                + ", maxLength " + maxLength + ", maxAge " + maxAge + ", batch " + batchMax + "/" + flushInterval + ", " + messagesPerEntry + " per entry"
                + ", claimIdle " + claimIdle + ", buffer " + bufferLimit + "]";
    }
}
