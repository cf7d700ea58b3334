package io.tributary.runtime.exec;

import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable settings of a {@link PriorityExecutor}. Build with {@link #builder()}; every setter
 * validates its argument and {@link Builder#build()} checks the cross-field rules, so a bad value
 * fails with a message naming the field, the allowed range and the value given.
 *
 * <p>Queue capacities are per worker and per lane: each worker owns one bounded ring per lane, so a
 * lane holds at most {@code laneCapacity(lane) × workerCount()} waiting messages in total.
 */
public final class ExecutorConfig {
    /** Hard upper bound for {@link #maxWorkers()}. */
    public static final int MAX_WORKERS_LIMIT = 64;

    private final int minWorkers;
    private final int maxWorkers;
    private final int keySlots;
    private final int[] laneCapacity;
    private final OverflowPolicy[] overflow;
    private final long[] maxWaitNanos;
    private final int highWeight;
    private final int normalWeight;
    private final int lowWeight;
    private final int maxBatch;
    private final long flushIntervalNanos;
    private final long blockTimeoutNanos;
    private final int idleSpins;
    private final int idleYields;
    private final boolean busySpin;
    private final long scaleCheckIntervalNanos;
    private final int scaleUpQueueDepth;
    private final long scaleUpWaitNanos;
    private final long scaleDownAfterNanos;
    private final Duration shutdownGrace;

    private ExecutorConfig(Builder b) {
        this.minWorkers = b.minWorkers;
        this.maxWorkers = b.maxWorkers;
        this.keySlots = b.keySlots;
        this.laneCapacity = b.laneCapacity.clone();
        this.overflow = b.overflow.clone();
        this.maxWaitNanos = b.maxWaitNanos.clone();
        this.highWeight = b.highWeight;
        this.normalWeight = b.normalWeight;
        this.lowWeight = b.lowWeight;
        this.maxBatch = b.maxBatch;
        this.flushIntervalNanos = b.flushIntervalNanos;
        this.blockTimeoutNanos = b.blockTimeoutNanos;
        this.idleSpins = b.idleSpins;
        this.idleYields = b.idleYields;
        this.busySpin = b.busySpin;
        this.scaleCheckIntervalNanos = b.scaleCheckIntervalNanos;
        this.scaleUpQueueDepth = b.scaleUpQueueDepth;
        this.scaleUpWaitNanos = b.scaleUpWaitNanos;
        this.scaleDownAfterNanos = b.scaleDownAfterNanos;
        this.shutdownGrace = b.shutdownGrace;
    }

    /** A builder holding the defaults listed on each of its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static ExecutorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public int minWorkers() {
        return minWorkers;
    }

    public int maxWorkers() {
        return maxWorkers;
    }

    public int keySlots() {
        return keySlots;
    }

    public int laneCapacity(Priority lane) {
        return laneCapacity[lane.ordinal()];
    }

    public OverflowPolicy overflowPolicy(Priority lane) {
        return overflow[lane.ordinal()];
    }

    /** Longest a message of this lane waits before its lane is served ahead of CRITICAL; null for CRITICAL. */
    public Duration maxWait(Priority lane) {
        long nanos = maxWaitNanos[lane.ordinal()];
        return nanos < 0 ? null : Duration.ofNanos(nanos);
    }

    long maxWaitNanos(int lane) {
        return maxWaitNanos[lane];
    }

    /** Weight of HIGH, NORMAL or LOW in the weighted round robin; 0 for CRITICAL, which is served first. */
    public int weight(Priority lane) {
        return switch (lane) {
            case CRITICAL -> 0;
            case HIGH -> highWeight;
            case NORMAL -> normalWeight;
            case LOW -> lowWeight;
        };
    }

    public int maxBatch() {
        return maxBatch;
    }

    public Duration flushInterval() {
        return Duration.ofNanos(flushIntervalNanos);
    }

    long flushIntervalNanos() {
        return flushIntervalNanos;
    }

    public Duration blockTimeout() {
        return Duration.ofNanos(blockTimeoutNanos);
    }

    long blockTimeoutNanos() {
        return blockTimeoutNanos;
    }

    public int idleSpins() {
        return idleSpins;
    }

    public int idleYields() {
        return idleYields;
    }

    /** True when idle workers spin forever instead of yielding and parking. */
    public boolean busySpin() {
        return busySpin;
    }

    public Duration scaleCheckInterval() {
        return Duration.ofNanos(scaleCheckIntervalNanos);
    }

    long scaleCheckIntervalNanos() {
        return scaleCheckIntervalNanos;
    }

    public int scaleUpQueueDepth() {
        return scaleUpQueueDepth;
    }

    public Duration scaleUpWait() {
        return Duration.ofNanos(scaleUpWaitNanos);
    }

    long scaleUpWaitNanos() {
        return scaleUpWaitNanos;
    }

    public Duration scaleDownAfter() {
        return Duration.ofNanos(scaleDownAfterNanos);
    }

    long scaleDownAfterNanos() {
        return scaleDownAfterNanos;
    }

    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    @Override
    public String toString() {
        return "ExecutorConfig[workers=" + minWorkers + ".." + maxWorkers + ", keySlots=" + keySlots
                + ", laneCapacity=" + Arrays.toString(laneCapacity) + ", overflow=" + Arrays.toString(overflow)
                + ", maxWaitNanos=" + Arrays.toString(maxWaitNanos)
                + ", weights=" + highWeight + ":" + normalWeight + ":" + lowWeight
                + ", maxBatch=" + maxBatch + ", flushInterval=" + flushInterval() + ", blockTimeout=" + blockTimeout()
                + ", idleSpins=" + idleSpins + ", idleYields=" + idleYields + ", busySpin=" + busySpin
                + ", scaleCheckInterval=" + scaleCheckInterval() + ", scaleUpQueueDepth=" + scaleUpQueueDepth
                + ", scaleUpWait=" + scaleUpWait() + ", scaleDownAfter=" + scaleDownAfter()
                + ", shutdownGrace=" + shutdownGrace + "]";
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private static final long ONE_HOUR = Duration.ofHours(1).toNanos();
        private static final int MAX_CAPACITY = 1 << 24;

        private int minWorkers = 1;
        private int maxWorkers = Math.min(MAX_WORKERS_LIMIT, 2 * Runtime.getRuntime().availableProcessors());
        private int keySlots = 4096;
        private final int[] laneCapacity = {1024, 1024, 1024, 1024};
        private final OverflowPolicy[] overflow = {
                OverflowPolicy.BLOCK, OverflowPolicy.BLOCK, OverflowPolicy.BLOCK, OverflowPolicy.DROP_OLDEST};
        private final long[] maxWaitNanos = {-1, 5_000_000L, 20_000_000L, 50_000_000L};
        private int highWeight = 8;
        private int normalWeight = 4;
        private int lowWeight = 1;
        private int maxBatch = 256;
        private long flushIntervalNanos = 1_000_000L;
        private long blockTimeoutNanos = 10_000_000_000L;
        private int idleSpins = 100;
        private int idleYields = 10;
        private boolean busySpin;
        private long scaleCheckIntervalNanos = 5_000_000L;
        private int scaleUpQueueDepth = 256;
        private long scaleUpWaitNanos = 2_000_000L;
        private long scaleDownAfterNanos = 2_000_000_000L;
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private boolean maxWorkersSet;

        private Builder() {
        }

        private Builder(ExecutorConfig c) {
            minWorkers = c.minWorkers;
            maxWorkers = c.maxWorkers;
            maxWorkersSet = true;
            keySlots = c.keySlots;
            System.arraycopy(c.laneCapacity, 0, laneCapacity, 0, Priority.COUNT);
            System.arraycopy(c.overflow, 0, overflow, 0, Priority.COUNT);
            System.arraycopy(c.maxWaitNanos, 0, maxWaitNanos, 0, Priority.COUNT);
            highWeight = c.highWeight;
            normalWeight = c.normalWeight;
            lowWeight = c.lowWeight;
            maxBatch = c.maxBatch;
            flushIntervalNanos = c.flushIntervalNanos;
            blockTimeoutNanos = c.blockTimeoutNanos;
            idleSpins = c.idleSpins;
            idleYields = c.idleYields;
            busySpin = c.busySpin;
            scaleCheckIntervalNanos = c.scaleCheckIntervalNanos;
            scaleUpQueueDepth = c.scaleUpQueueDepth;
            scaleUpWaitNanos = c.scaleUpWaitNanos;
            scaleDownAfterNanos = c.scaleDownAfterNanos;
            shutdownGrace = c.shutdownGrace;
        }

        /** Workers started up front and kept while idle. Default 1; allowed 1..64. */
        public Builder minWorkers(int value) {
            minWorkers = inRange("minWorkers", value, 1, MAX_WORKERS_LIMIT);
            return this;
        }

        /**
         * Most workers the scaler may run. Default max(minWorkers, min(64, 2 × available processors));
         * allowed minWorkers..64.
         */
        public Builder maxWorkers(int value) {
            maxWorkers = inRange("maxWorkers", value, 1, MAX_WORKERS_LIMIT);
            maxWorkersSet = true;
            return this;
        }

        /** Shorthand for {@code minWorkers(n).maxWorkers(n)}: a fixed pool, no scaling. */
        public Builder fixedWorkers(int value) {
            return minWorkers(value).maxWorkers(value);
        }

        /**
         * Number of (topic, key) hash slots; a slot is the unit that moves between workers. Default
         * 4096; a power of two in 64..1048576.
         */
        public Builder keySlots(int value) {
            inRange("keySlots", value, 64, 1 << 20);
            requirePowerOfTwo("keySlots", value);
            keySlots = value;
            return this;
        }

        /** Ring capacity of one worker for one lane. Default 1024 for every lane; a power of two in 2..16777216. */
        public Builder laneCapacity(Priority lane, int capacity) {
            String field = "laneCapacity(" + lane(lane) + ")";
            inRange(field, capacity, 2, MAX_CAPACITY);
            requirePowerOfTwo(field, capacity);
            laneCapacity[lane.ordinal()] = capacity;
            return this;
        }

        /** Sets every lane's capacity; see {@link #laneCapacity(Priority, int)}. */
        public Builder laneCapacity(int capacity) {
            for (Priority p : Priority.values()) {
                laneCapacity(p, capacity);
            }
            return this;
        }

        /**
         * What a full lane does. Defaults: BLOCK for CRITICAL, HIGH and NORMAL; DROP_OLDEST for LOW.
         * CONFLATE keeps one waiting message per (target, topic, key); if the ring still fills up with
         * distinct keys, the producer waits as with BLOCK.
         */
        public Builder overflowPolicy(Priority lane, OverflowPolicy policy) {
            overflow[lane(lane).ordinal()] = Objects.requireNonNull(policy, () -> "overflowPolicy(" + lane + ") is null");
            return this;
        }

        /**
         * Longest a message of HIGH, NORMAL or LOW may wait (enqueue to start of delivery) before its
         * lane gets a batch even ahead of CRITICAL. Defaults HIGH 5 ms, NORMAL 20 ms, LOW 50 ms;
         * allowed 1 µs..1 h; not settable for CRITICAL, which is always served first.
         */
        public Builder maxWait(Priority lane, Duration bound) {
            if (lane(lane) == Priority.CRITICAL) {
                throw new IllegalArgumentException("maxWait(CRITICAL) cannot be set: CRITICAL is always served first");
            }
            maxWaitNanos[lane.ordinal()] = nanosInRange("maxWait(" + lane + ")", bound, 1_000L, ONE_HOUR);
            return this;
        }

        /** Weighted round robin between HIGH, NORMAL and LOW, in batches per cycle. Default 8:4:1; each 1..1000. */
        public Builder weights(int high, int normal, int low) {
            highWeight = inRange("weights.high", high, 1, 1000);
            normalWeight = inRange("weights.normal", normal, 1, 1000);
            lowWeight = inRange("weights.low", low, 1, 1000);
            return this;
        }

        /** Most messages delivered per lane visit before the worker looks at the other lanes. Default 256; 1..65536. */
        public Builder maxBatch(int value) {
            maxBatch = inRange("maxBatch", value, 1, 1 << 16);
            return this;
        }

        /** A batch also ends (and targets get endOfBatch) once it has run this long. Default 1 ms; 1 µs..1 h. */
        public Builder flushInterval(Duration value) {
            flushIntervalNanos = nanosInRange("flushInterval", value, 1_000L, ONE_HOUR);
            return this;
        }

        /** How long a BLOCK (or full CONFLATE) submit waits for room before it is rejected. Default 10 s; 0..1 h. */
        public Builder blockTimeout(Duration value) {
            blockTimeoutNanos = nanosInRange("blockTimeout", value, 0L, ONE_HOUR);
            return this;
        }

        /**
         * Idle strategy of workers (and of blocked producers): spin this many empty polls, then
         * yield {@link #idleYields(int)} times, then park. Default 100; 0..1000000. Keep it short on
         * machines with few cores.
         */
        public Builder idleSpins(int value) {
            idleSpins = inRange("idleSpins", value, 0, 1_000_000);
            return this;
        }

        /** Yields after spinning, before parking. Default 10; 0..1000000. */
        public Builder idleYields(int value) {
            idleYields = inRange("idleYields", value, 0, 1_000_000);
            return this;
        }

        /**
         * Idle workers spin and never yield or park: the lowest latency (no futex wake-up, ~40 µs
         * here) for a core per worker. Only for dedicated cores: on a machine with few cores a
         * spinning worker takes CPU from everything else. Default off.
         */
        public Builder busySpin(boolean value) {
            busySpin = value;
            return this;
        }

        /** How often the scaler looks at the pool. Default 5 ms; 100 µs..10 s. */
        public Builder scaleCheckInterval(Duration value) {
            scaleCheckIntervalNanos = nanosInRange("scaleCheckInterval", value, 100_000L, 10_000_000_000L);
            return this;
        }

        /** A worker with this many waiting messages (all lanes) asks for another worker. Default 256; 1..2^30. */
        public Builder scaleUpQueueDepth(int value) {
            scaleUpQueueDepth = inRange("scaleUpQueueDepth", value, 1, 1 << 30);
            return this;
        }

        /** A worker whose oldest waiting message is this old asks for another worker. Default 2 ms; 1 µs..1 h. */
        public Builder scaleUpWait(Duration value) {
            scaleUpWaitNanos = nanosInRange("scaleUpWait", value, 1_000L, ONE_HOUR);
            return this;
        }

        /**
         * One worker is retired after the pool has been without pressure and at most half busy
         * (measured over the remaining workers) for this long. Default 2 s; 1 ms..1 h.
         */
        public Builder scaleDownAfter(Duration value) {
            scaleDownAfterNanos = nanosInRange("scaleDownAfter", value, 1_000_000L, ONE_HOUR);
            return this;
        }

        /** Grace used by {@link PriorityExecutor#close()}. Default 5 s; 0..1 h. */
        public Builder shutdownGrace(Duration value) {
            nanosInRange("shutdownGrace", value, 0L, ONE_HOUR);
            shutdownGrace = value;
            return this;
        }

        /** Checks the cross-field rules and returns the immutable configuration. */
        public ExecutorConfig build() {
            if (!maxWorkersSet) {
                maxWorkers = Math.max(maxWorkers, minWorkers);
            }
            if (maxWorkers < minWorkers) {
                throw new IllegalArgumentException("maxWorkers must be in [minWorkers=" + minWorkers + ", "
                        + MAX_WORKERS_LIMIT + "], was " + maxWorkers);
            }
            return new ExecutorConfig(this);
        }

        private static Priority lane(Priority lane) {
            return Objects.requireNonNull(lane, "lane is null");
        }

        private static int inRange(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
            }
            return value;
        }

        private static void requirePowerOfTwo(String field, int value) {
            if (Integer.bitCount(value) != 1) {
                throw new IllegalArgumentException(field + " must be a power of two, was " + value);
            }
        }

        private static long nanosInRange(String field, Duration value, long minNanos, long maxNanos) {
            Objects.requireNonNull(value, () -> field + " is null");
            if (value.isNegative() || value.compareTo(Duration.ofNanos(maxNanos)) > 0
                    || value.toNanos() < minNanos) {
                throw new IllegalArgumentException(field + " must be in [" + Duration.ofNanos(minNanos) + ", "
                        + Duration.ofNanos(maxNanos) + "], was " + value);
            }
            return value.toNanos();
        }
    }
}
