package io.tributary.runtime.transport.redis;

import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.Headers;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.TributarySerde;
import org.redisson.api.RedissonClient;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The Redis Streams lane transport of one application: {@link RedisLanePublisher}s write Avro
 * single-object bytes to the lane streams ({@link RedisStreamNames}) in pipelined batches, and
 * {@link RedisLaneConsumer}s of the group {@code <app>} share the entries, read CRITICAL first.
 *
 * <pre>{@code
 * RedisLanes lanes = new RedisLanes(RedisSettings.defaults("redis://127.0.0.1:6379", "desk"));
 * try (RedisLanePublisher publisher = lanes.publisher();
 *      RedisLaneConsumer consumer = lanes.consumer(bus, List.of("orders.new")).start()) {
 *     publisher.publish("orders.new", "acct-1", order, Priority.CRITICAL);
 *     // bus subscribers of "orders.new" receive it on the CRITICAL lane
 * }
 * }</pre>
 */
public final class RedisLanes {
    private final RedisSettings settings;
    private final RedisStreamNames names;
    private final TributarySerde serde;
    private final PayloadMapping payloads;

    /** Avro records in, Avro records out ({@link PayloadMapping#AVRO}). */
    public RedisLanes(RedisSettings settings) {
        this(settings, TributarySerde.get(), PayloadMapping.AVRO);
    }

    /**
     * @param payloads what consumers hand their handlers for a decoded record; a record it cannot
     *                 map is dead-lettered with reason {@code UNMAPPABLE}
     */
    public RedisLanes(RedisSettings settings, TributarySerde serde, PayloadMapping payloads) {
        this.settings = settings;
        this.names = new RedisStreamNames(settings.app(), settings.streamMode());
        this.serde = serde;
        this.payloads = java.util.Objects.requireNonNull(payloads, "payloads");
    }

    public RedisSettings settings() {
        return settings;
    }

    public RedisStreamNames names() {
        return names;
    }

    /** A connected client with these settings (fails naming the address and user); the caller shuts it down. */
    public RedissonClient connect() {
        return RedisClients.connect(settings);
    }

    /** A publisher with its own client; closing it flushes and shuts the client down. */
    public RedisLanePublisher publisher() {
        return new RedisLanePublisher(settings, names, serde, connect(), true);
    }

    /** A publisher over a client the caller owns. */
    public RedisLanePublisher publisher(RedissonClient client) {
        return new RedisLanePublisher(settings, names, serde, client, false);
    }

    /** A (not started) consumer of {@code topics} that publishes each entry on the bus topic, on its lane. */
    public RedisLaneConsumer consumer(MessageBus bus, Collection<String> topics) {
        return consumer(topics, false, (t, k, r, lane, id) -> bus.publish(t, k, r, lane, Headers.EMPTY), bus);
    }

    /**
     * A (not started) consumer.
     *
     * @param topics   literal bus topics, or patterns if {@code discover}
     * @param discover follow the registry {@code <app>.streams} for topics matching the patterns
     * @param bus      for dead letters (the bus's dead-letter topic); null: {@code <app>.dlq} only
     */
    public RedisLaneConsumer consumer(Collection<String> topics, boolean discover, RedisEntryHandler handler, MessageBus bus) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a Redis consumer needs at least one topic");
        }
        return new RedisLaneConsumer(settings, names, serde, payloads, List.copyOf(topics), discover, handler, bus,
                settings.app() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static Priority[] lanes() {
        return Priority.values();
    }
}
