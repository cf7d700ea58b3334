package io.tributary.runtime.plan;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.graph.TopologyDescription;
import io.tributary.runtime.metrics.TributaryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A compiled topology, ready to run on a {@link MessageBus}: one subscription per {@link Stage},
 * stage operators fused into direct calls, outputs published with the stream's key on the stream's
 * lane, and a timer for the operators that act as time passes (conflation, windows).
 *
 * <p>A plan runs once: {@link #start} then {@link #stop}. It keeps operator state (windows,
 * conflation) in memory.
 */
public final class PhysicalPlan {
    private static final Logger LOG = LoggerFactory.getLogger(PhysicalPlan.class);

    private final String name;
    private final TopologyDescription logical;
    private final List<Stage> stages;
    private final List<TopicPublisher> publishers;
    private final List<Punctuated> punctuated;
    private final List<Counter> counters;
    private final List<PlanComponent> components;
    private final List<PlanComponent> started = new ArrayList<>();
    private final PlanDescription description;
    private final Duration timerPeriod;
    private final Object punctuationLock = new Object();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private ScheduledExecutorService timer;
    private State state = State.NEW;

    private enum State { NEW, RUNNING, STOPPED }

    PhysicalPlan(String name, TopologyDescription logical, List<Stage> stages, List<TopicPublisher> publishers,
                 List<Punctuated> punctuated, List<Counter> counters, List<PlanComponent> components,
                 PlanDescription description, Duration timerPeriod) {
        // venues last: they publish as soon as they connect, into the policies and sinks behind them
        List<PlanComponent> ordered = new ArrayList<>();
        components.stream().filter(c -> !(c instanceof VenueConnection)).forEach(ordered::add);
        components.stream().filter(c -> c instanceof VenueConnection).forEach(ordered::add);
        this.components = List.copyOf(ordered);
        this.name = name;
        this.logical = logical;
        this.stages = List.copyOf(stages);
        this.publishers = List.copyOf(publishers);
        this.punctuated = List.copyOf(punctuated);
        this.counters = List.copyOf(counters);
        this.description = description;
        this.timerPeriod = timerPeriod;
    }

    public String name() {
        return name;
    }

    /** The logical graph the plan was compiled from. */
    public TopologyDescription logical() {
        return logical;
    }

    public List<Stage> stages() {
        return stages;
    }

    public PlanDescription describe() {
        return description;
    }

    /** Plugin sinks and policies, then venue connections: the order the plan starts them (it stops them in reverse). */
    public List<PlanComponent> components() {
        return components;
    }

    /** Subscribes every stage, starts the plugin components and the timer, on the system clock. */
    public void start(MessageBus bus) {
        start(bus, EpochClock.SYSTEM, true);
    }

    /**
     * @param clock    what the timer reads
     * @param runTimer false when the caller drives time itself through {@link #punctuate(long)} (the test driver)
     * @throws IllegalStateException if the plan was already started
     */
    public synchronized void start(MessageBus bus, EpochClock clock, boolean runTimer) {
        start(bus, clock, runTimer, null);
    }

    /**
     * Starts the plan with each stage metered as {@code tributary.<topology>.<stage>.{in,out,errors}}
     * plus a latency histogram (see docs/metrics.md). Register before starting the metrics services:
     * the silent-venue alert rules are made from the source stages registered by then.
     */
    public void start(MessageBus bus, TributaryMetrics metrics) {
        start(bus, EpochClock.SYSTEM, true, Objects.requireNonNull(metrics, "metrics"));
    }

    private synchronized void start(MessageBus bus, EpochClock clock, boolean runTimer, TributaryMetrics metrics) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(clock, "clock");
        if (state != State.NEW) {
            throw new IllegalStateException("plan " + name + " was already started (a plan runs once; compile again)");
        }
        publishers.forEach(p -> p.bind(bus));
        try {
            // downstream first: a repartition topic has its subscriber before anything publishes to it
            for (int i = stages.size() - 1; i >= 0; i--) {
                Stage stage = stages.get(i);
                MessageHandler<Object> handler = metrics == null ? stage.handler()
                        : MeteredStageHandler.wrap(stage, name, metrics);
                subscriptions.add(bus.subscribe(stage.pattern(), handler,
                        SubscribeOptions.pooled().lane(stage.lane()).named(name + "/" + stage.name())));
            }
            // after the subscriptions: a venue may publish as soon as it is connected
            for (PlanComponent component : components) {
                component.start(bus, clock);
                started.add(component);
            }
        } catch (RuntimeException e) {
            stopComponents(c -> true);
            subscriptions.forEach(Subscription::close);
            subscriptions.clear();
            throw e;
        }
        if (runTimer && (!punctuated.isEmpty() || !components.isEmpty())) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tributary-timer-" + name);
                t.setDaemon(true);
                return t;
            });
            long period = timerPeriod.toNanos();
            timer.scheduleAtFixedRate(() -> safePunctuate(clock), period, period, TimeUnit.NANOSECONDS);
        }
        state = State.RUNNING;
        LOG.debug("plan {} started: {} stage(s)", name, stages.size());
    }

    private void safePunctuate(EpochClock clock) {
        try {
            punctuate(clock.nowNanos());
        } catch (RuntimeException e) {
            // keep the timer alive: one failing aggregate must not stop every window
            LOG.warn("plan {}: timer failed: {}", name, e.toString(), e);
        }
    }

    /** Releases conflated values, closes windows as of {@code nowNanos}, and flushes plugin sinks. */
    public void punctuate(long nowNanos) {
        synchronized (punctuationLock) {
            for (Punctuated p : punctuated) {
                p.punctuate(nowNanos);
            }
            for (PlanComponent component : components) {
                component.flush();
            }
        }
    }

    /** Stops the started components that {@code which} selects, last started first; never throws. */
    private void stopComponents(java.util.function.Predicate<PlanComponent> which) {
        for (int i = started.size() - 1; i >= 0; i--) {
            PlanComponent component = started.get(i);
            if (!which.test(component)) {
                continue;
            }
            started.remove(i);
            try {
                component.flush();
                component.stop();
            } catch (RuntimeException e) {
                LOG.warn("plan {}: stopping {} failed: {}", name, component.name(), e.toString(), e);
            }
        }
    }

    /**
     * Disconnects the venues (no new input), unsubscribes, stops the timer, then flushes and closes
     * the sinks; open windows and conflated values are discarded. Idempotent.
     */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return;
        }
        stopComponents(c -> c instanceof VenueConnection);
        for (int i = subscriptions.size() - 1; i >= 0; i--) {
            subscriptions.get(i).close();
        }
        subscriptions.clear();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        synchronized (punctuationLock) {
            stopComponents(c -> true);
        }
        state = State.STOPPED;
        LOG.debug("plan {} stopped", name);
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Event counts by {@code <node>.<event>}: late events, throttled and conflated messages, routes that dropped. */
    public Map<String, Long> counters() {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Counter counter : counters) {
            values.put(counter.name(), counter.value());
        }
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return description.toString();
    }
}
