package io.tributary.runtime.plugin;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.spi.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** The runtime's {@link PluginContext}: errors and thread deaths count against the component. */
final class RuntimePluginContext implements PluginContext {
    private final MessageBus bus;
    private final EpochClock clock;
    private final ComponentDescriptor component;
    private final Logger logger;

    RuntimePluginContext(MessageBus bus, EpochClock clock, ComponentDescriptor component) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.component = component;
        this.logger = LoggerFactory.getLogger("io.tributary.plugin." + component.kind().label() + "." + component.name());
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
        return component.label();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Thread newThread(String name, Runnable task) {
        Objects.requireNonNull(task, "task");
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                component.failures().record("thread " + name, e);
            }
        }, component.kind().label() + "-" + component.name() + "-" + name);
        thread.setDaemon(true);
        thread.setContextClassLoader(component.classLoader());
        return thread;
    }

    @Override
    public void reportError(String what, Throwable error) {
        component.failures().record(what, error);
    }
}
