package io.tributary.runtime.plugin;

import io.tributary.api.TopicPattern;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;

import java.util.Set;

/** A plugin's venue factory whose adapters are isolated: see {@link GuardedVenueAdapter}. */
final class GuardedVenueAdapterFactory extends GuardedFactory<VenueAdapter> implements VenueAdapterFactory {

    GuardedVenueAdapterFactory(ComponentDescriptor component) {
        super(component);
    }

    @Override
    VenueAdapter guard(VenueAdapter adapter) {
        return new GuardedVenueAdapter(component, adapter);
    }

    /**
     * Life-cycle failures (connect, subscribe) are counted and rethrown as
     * {@link PluginComponentException}; a failing {@link #onCommand} or {@link #disconnect} is counted
     * and logged, not thrown.
     */
    static final class GuardedVenueAdapter implements VenueAdapter {
        private final ComponentDescriptor component;
        private final VenueAdapter delegate;

        GuardedVenueAdapter(ComponentDescriptor component, VenueAdapter delegate) {
            this.component = component;
            this.delegate = delegate;
        }

        @Override
        public Set<Capability> capabilities() {
            return Guard.lifecycle(component, "capabilities", delegate::capabilities);
        }

        @Override
        public void connect() {
            Guard.lifecycle(component, "connect", delegate::connect);
        }

        @Override
        public void subscribe(TopicPattern topics) {
            Guard.lifecycle(component, "subscribe(" + topics + ")", () -> delegate.subscribe(topics));
        }

        @Override
        public void onCommand(OrderCommand command) {
            try {
                delegate.onCommand(command);
            } catch (RuntimeException | LinkageError e) {
                component.failures().record("onCommand", e);
            }
        }

        @Override
        public void disconnect() {
            Guard.quietly(component, "disconnect", delegate::disconnect);
        }

        /** The plugin's own adapter, for tests and diagnostics. */
        VenueAdapter unwrap() {
            return delegate;
        }

        @Override
        public String toString() {
            return component.label() + "[" + delegate + "]";
        }
    }
}
