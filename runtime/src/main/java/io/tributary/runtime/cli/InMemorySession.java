package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;

import java.util.Map;

/** The default transport: everything on the in-process bus, nothing to start. */
final class InMemorySession implements TransportSession {
    private final MessageBus bus;

    InMemorySession(MessageBus bus) {
        this.bus = bus;
    }

    @Override
    public String description() {
        return "the in-memory bus";
    }

    @Override
    public MessageBus planBus() {
        return bus;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of();
    }

    @Override
    public void close() {
    }
}
