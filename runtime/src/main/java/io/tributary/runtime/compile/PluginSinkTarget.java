package io.tributary.runtime.compile;

import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.spi.Sink;
import io.tributary.runtime.exec.MutableEnvelope;
import io.tributary.runtime.plan.PlanComponent;
import io.tributary.runtime.plan.SinkTarget;
import io.tributary.runtime.plugin.LoadedPlugins;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A sink plugin behind {@code to(Sinks.ref(...))}: created and opened at plan start, flushed by the
 * plan's timer and at stop, closed at stop.
 *
 * <p>The SPI promises a sink one writing thread at a time while the plan calls from several workers,
 * so writes take a lock; the envelope is reused under it (the SPI says it is valid only during
 * {@code write}). Sinks do I/O, for which an uncontended lock is noise; a queue would need a thread
 * of its own per sink.
 */
final class PluginSinkTarget implements SinkTarget, PlanComponent {
    private final LoadedPlugins plugins;
    private final PluginRef ref;
    private final ReentrantLock lock = new ReentrantLock();
    /** The reused message handed to {@link Sink#write}. */
    private final MutableEnvelope carrier = new MutableEnvelope();
    private Sink sink;
    private EpochClock clock;
    private long nextId = 1;
    private boolean dirty;

    PluginSinkTarget(LoadedPlugins plugins, PluginRef ref) {
        this.plugins = plugins;
        this.ref = ref;
    }

    @Override
    public String name() {
        return ref.toString();
    }

    @Override
    public void start(MessageBus bus, EpochClock runClock) {
        Sink created = plugins.createSink(ref.name(), ref.config(), bus, runClock);
        try {
            created.open();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(name() + ": could not open: " + e, e);
        }
        lock.lock();
        try {
            sink = created;
            clock = runClock;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void accept(Object key, Object value, Priority lane, String topic) {
        lock.lock();
        try {
            if (sink == null) {
                throw new IllegalStateException(name() + " is not open: the plan is not running");
            }
            carrier.set(nextId++, topic != null ? topic : ref.name(), key, value, lane, clock.nowNanos(), Headers.EMPTY);
            sink.write(carrier);
            dirty = true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // unreachable with the guarded sinks of LoadedPlugins, which count write failures
            throw new IllegalStateException(name() + ": write failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (sink != null && dirty) {
                dirty = false;
                sink.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(name() + ": flush failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (sink != null) {
                Sink closing = sink;
                sink = null;
                closing.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(name() + ": close failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }
}
