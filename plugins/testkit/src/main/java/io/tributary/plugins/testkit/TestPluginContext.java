package io.tributary.plugins.testkit;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.spi.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PluginContext} for plugin tests: errors the component reports (or its threads die of) are kept. */
public final class TestPluginContext implements PluginContext {

    private final MessageBus bus;
    private final EpochClock clock;
    private final String name;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    public TestPluginContext(MessageBus bus, EpochClock clock, String componentName) {
        this.bus = bus;
        this.clock = clock;
        this.name = componentName;
    }

    public TestPluginContext(MessageBus bus, String componentName) {
        this(bus, new ManualClock(0), componentName);
    }

    /** Errors reported by the component or escaping its threads. */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public MessageBus bus() {
        return bus;
    }

    @Override
    public EpochClock clock() {
        return clock;
    }

    @Override
    public String componentName() {
        return name;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("io.tributary.plugin.test." + name.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @Override
    public Thread newThread(String threadName, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                errors.add(e);
            }
        }, threadName);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void reportError(String what, Throwable error) {
        errors.add(error);
    }
}
