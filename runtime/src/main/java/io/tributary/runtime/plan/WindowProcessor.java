package io.tributary.runtime.plan;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Windowed;
import io.tributary.api.dsl.internal.WindowNode;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Event-time windows aggregated per key.
 *
 * <p><b>Stream time.</b> Each message contributes {@code eventTime - timestamp} (how far its event
 * time runs ahead of its publish time); stream time at wall time {@code now} is {@code now} plus the
 * largest such offset seen. With the default event time (the publish time) stream time is the clock;
 * with event times from a replay it follows the replayed clock and keeps advancing while the input is
 * idle, so the last windows close without waiting for another message.
 *
 * <p>A window {@code [start, end)} closes when stream time reaches {@code end + grace}; its result is
 * emitted once, keyed by the window key, with the window end as timestamp. An event whose windows
 * are all closed is late: counted, and dropped or published to the late topic.
 *
 * <p>Concurrency: each key's windows are guarded by that key's monitor, contended only by the timer
 * (the compiler puts a repartition in front when the key changed upstream, so one worker owns a key).
 */
final class WindowProcessor implements Processor, Punctuated {
    private final Function<Object, Object> keyFunction;
    private final ToLongFunction<Object> eventTime;
    private final Supplier<Object> initializer;
    private final BiFunction<Object, Object, Object> aggregator;
    private final long size;
    private final long advance;
    private final long grace;
    private final Processor next;
    private final TopicPublisher lateTopic;
    private final Counter late;
    private final Counter emitted;
    private final AtomicLong maxOffset = new AtomicLong(Long.MIN_VALUE);
    /** Highest stream time the timer closed windows at: a slower message must not reopen them. */
    private volatile long punctuatedStreamTime = Long.MIN_VALUE;
    private final ConcurrentHashMap<Object, KeyWindows> keys = new ConcurrentHashMap<>();

    WindowProcessor(WindowNode node, Processor next, TopicPublisher lateTopic, Counter late, Counter emitted) {
        this.keyFunction = node.key();
        this.eventTime = node.eventTime();
        this.initializer = node.initializer();
        this.aggregator = node.aggregator();
        this.size = node.windows().size().toNanos();
        this.advance = node.windows().advance().toNanos();
        this.grace = node.windows().grace().toNanos();
        this.next = next;
        this.lateTopic = lateTopic;
        this.late = late;
        this.emitted = emitted;
    }

    @Override
    public void process(Object key, Object value, long timestampNanos, Priority lane, String topic) {
        Object k = keyFunction != null ? keyFunction.apply(value) : key;
        if (k == null) {
            throw new IllegalStateException("window key is null for value " + value);
        }
        long time = eventTime != null ? eventTime.applyAsLong(value) : timestampNanos;
        long offset = time - timestampNanos;
        if (offset > maxOffset.get()) {
            maxOffset.accumulateAndGet(offset, Math::max);
        }
        long streamTime = timestampNanos + maxOffset.get();
        boolean accepted;
        while (true) {
            KeyWindows windows = keys.computeIfAbsent(k, KeyWindows::new);
            synchronized (windows) {
                if (windows.retired) {
                    continue;
                }
                windows.lane = lane;
                // read under the key's monitor: the timer sets it before retiring keys under theirs
                long effective = Math.max(Math.max(streamTime, windows.closedAt), punctuatedStreamTime);
                accepted = add(windows, value, time, effective);
                closeUpTo(windows, effective);
                break;
            }
        }
        if (!accepted) {
            late.increment();
            if (lateTopic != null) {
                lateTopic.publish(k, value, lane, null);
            }
        }
    }

    /** Adds to every open window containing {@code time}; false when they are all closed. */
    private boolean add(KeyWindows windows, Object value, long time, long streamTime) {
        boolean added = false;
        long lastStart = Math.floorDiv(time, advance) * advance;
        for (long start = lastStart; start > time - size; start -= advance) {
            if (start + size + grace <= streamTime) {
                break; // this and every earlier window are closed
            }
            windows.aggregate(start, value, initializer, aggregator);
            added = true;
        }
        return added;
    }

    private void closeUpTo(KeyWindows windows, long streamTime) {
        windows.closedAt = Math.max(windows.closedAt, streamTime);
        int closed = windows.closeUpTo(streamTime - size - grace, size, next, windows.lane);
        for (int i = 0; i < closed; i++) {
            emitted.increment();
        }
    }

    @Override
    public void punctuate(long nowNanos) {
        long offset = maxOffset.get();
        if (offset == Long.MIN_VALUE) {
            return;
        }
        long streamTime = Math.max(nowNanos + offset, punctuatedStreamTime);
        punctuatedStreamTime = streamTime;
        for (KeyWindows windows : keys.values()) {
            synchronized (windows) {
                closeUpTo(windows, streamTime);
                if (windows.isEmpty()) {
                    windows.retired = true;
                    keys.remove(windows.key, windows);
                }
            }
        }
    }

    /** Open windows of one key, sorted by start. */
    private static final class KeyWindows {
        final Object key;
        boolean retired;
        long closedAt = Long.MIN_VALUE;
        Priority lane = Priority.NORMAL;
        private long[] starts = new long[4];
        private Object[] aggregates = new Object[4];
        private int count;

        KeyWindows(Object key) {
            this.key = key;
        }

        boolean isEmpty() {
            return count == 0;
        }

        void aggregate(long start, Object value, Supplier<Object> initializer,
                       BiFunction<Object, Object, Object> aggregator) {
            int i = indexOf(start);
            if (i < 0) {
                i = insert(-i - 1, start, initializer.get());
            }
            aggregates[i] = aggregator.apply(aggregates[i], value);
        }

        /** Emits and removes windows whose start is at most {@code lastClosedStart}; returns how many. */
        int closeUpTo(long lastClosedStart, long size, Processor next, Priority lane) {
            int closed = 0;
            while (closed < count && starts[closed] <= lastClosedStart) {
                long start = starts[closed];
                next.process(key, new Windowed<>(key, start, start + size, aggregates[closed]), start + size, lane, null);
                closed++;
            }
            if (closed > 0) {
                System.arraycopy(starts, closed, starts, 0, count - closed);
                System.arraycopy(aggregates, closed, aggregates, 0, count - closed);
                java.util.Arrays.fill(aggregates, count - closed, count, null);
                count -= closed;
            }
            return closed;
        }

        private int indexOf(long start) {
            return java.util.Arrays.binarySearch(starts, 0, count, start);
        }

        private int insert(int at, long start, Object aggregate) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                aggregates = java.util.Arrays.copyOf(aggregates, count * 2);
            }
            System.arraycopy(starts, at, starts, at + 1, count - at);
            System.arraycopy(aggregates, at, aggregates, at + 1, count - at);
            starts[at] = start;
            aggregates[at] = aggregate;
            count++;
            return at;
        }
    }
}
