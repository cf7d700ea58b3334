package io.tributary.runtime.compile;

import io.tributary.api.EpochClock;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import io.tributary.api.graph.PluginRef;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.runtime.plan.SinkTarget;
import io.tributary.runtime.plan.VenueConnection;
import io.tributary.runtime.plugin.LoadedPlugins;

import java.util.ArrayList;
import java.util.List;

/**
 * A venue plugin's adapter for one plan: created, connected and subscribed to the plan's source
 * patterns at start, given the plan's order commands, disconnected at stop.
 */
final class PluginVenueConnection implements VenueConnection {
    private final LoadedPlugins plugins;
    private final PluginRef ref;
    private final List<String> patterns = new ArrayList<>();
    private volatile VenueAdapter adapter;

    PluginVenueConnection(LoadedPlugins plugins, PluginRef ref) {
        this.plugins = plugins;
        this.ref = ref;
    }

    @Override
    public String name() {
        return ref.toString();
    }

    @Override
    public void subscribe(String pattern) {
        if (!patterns.contains(pattern)) {
            patterns.add(pattern);
        }
    }

    @Override
    public void start(MessageBus bus, EpochClock clock) {
        VenueAdapter created = plugins.createVenue(ref.name(), ref.config(), bus, clock);
        try {
            created.connect();
            adapter = created;
            for (String pattern : patterns) {
                created.subscribe(TopicPattern.parse(pattern));
            }
        } catch (Exception e) {
            created.disconnect();
            adapter = null;
            throw e instanceof RuntimeException r ? r
                    : new IllegalStateException(name() + ": could not connect: " + e, e);
        }
    }

    @Override
    public SinkTarget commands() {
        return this::command;
    }

    private void command(Object key, Object value, Priority lane, String topic) {
        if (!(value instanceof OrderCommand command)) {
            throw new IllegalArgumentException(name() + " takes OrderCommand values through to(...), got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        VenueAdapter current = adapter;
        if (current == null) {
            throw new IllegalStateException(name() + " is not connected: the plan is not running");
        }
        current.onCommand(command);
    }

    @Override
    public void stop() {
        VenueAdapter current = adapter;
        adapter = null;
        if (current != null) {
            current.disconnect();
        }
    }

    @Override
    public String toString() {
        return name() + " " + patterns;
    }
}
