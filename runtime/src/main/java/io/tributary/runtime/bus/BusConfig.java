package io.tributary.runtime.bus;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.Topic;
import io.tributary.runtime.exec.ExecutorConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Settings of a {@link LocalMessageBus}. Immutable; build with {@link #builder()}.
 */
public final class BusConfig {
    private final ExecutorConfig executor;
    private final EpochClock clock;
    private final String deadLetterTopic;
    private final int topicCacheCapacity;
    private final int matcherCacheCapacity;
    private final int instanceId;

    private BusConfig(Builder b) {
        this.executor = b.executor;
        this.clock = b.clock;
        this.deadLetterTopic = b.deadLetterTopic;
        this.topicCacheCapacity = b.topicCacheCapacity;
        this.matcherCacheCapacity = b.matcherCacheCapacity;
        this.instanceId = b.instanceId;
    }

    public static BusConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ExecutorConfig executor() {
        return executor;
    }

    public EpochClock clock() {
        return clock;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** Topics whose resolved handle the bus keeps for {@code publish(String, …)}. */
    public int topicCacheCapacity() {
        return topicCacheCapacity;
    }

    /** Bound of the matcher's topic → subscribers cache. */
    public int matcherCacheCapacity() {
        return matcherCacheCapacity;
    }

    /** High 16 bits of every message id, so ids from several processes do not collide. */
    public int instanceId() {
        return instanceId;
    }

    public static final class Builder {
        private ExecutorConfig executor = ExecutorConfig.defaults();
        private EpochClock clock = EpochClock.SYSTEM;
        private String deadLetterTopic = MessageBus.DEAD_LETTER_TOPIC;
        private int topicCacheCapacity = 65_536;
        private int matcherCacheCapacity = 65_536;
        private int instanceId = ThreadLocalRandom.current().nextInt(1 << 16);

        private Builder() {
        }

        public Builder executor(ExecutorConfig value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        public Builder clock(EpochClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder deadLetterTopic(String value) {
            this.deadLetterTopic = Topic.validate(value);
            return this;
        }

        public Builder topicCacheCapacity(int value) {
            this.topicCacheCapacity = requireRange("topicCacheCapacity", value, 0, 1 << 24);
            return this;
        }

        public Builder matcherCacheCapacity(int value) {
            this.matcherCacheCapacity = requireRange("matcherCacheCapacity", value, 0, 1 << 24);
            return this;
        }

        public Builder instanceId(int value) {
            this.instanceId = requireRange("instanceId", value, 0, (1 << 16) - 1);
            return this;
        }

        public BusConfig build() {
            return new BusConfig(this);
        }

        private static int requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        "bus." + name + " must be in [" + min + ", " + max + "], was " + value);
            }
            return value;
        }
    }
}
