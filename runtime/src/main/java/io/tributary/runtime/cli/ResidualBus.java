package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.runtime.bus.BusView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The bus the in-process part of a plan runs on when a transport runs some of its stages elsewhere:
 * a subscription whose name is in {@code elsewhere} is not made (those stages' messages are handled
 * by the transport), everything else goes to the real bus.
 */
final class ResidualBus extends BusView {
    private static final Logger LOG = LoggerFactory.getLogger(ResidualBus.class);

    private final Set<String> elsewhere;

    ResidualBus(MessageBus bus, Set<String> elsewhere) {
        super(bus);
        this.elsewhere = Set.copyOf(elsewhere);
    }

    @Override
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        if (options.name() != null && elsewhere.contains(options.name())) {
            LOG.debug("{} on {} runs on the transport, not in-process", options.name(), pattern);
            return new Skipped(options.name(), pattern);
        }
        return bus.subscribe(pattern, handler, options);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        if (!(subscription instanceof Skipped)) {
            bus.unsubscribe(subscription);
        }
    }

    private record Skipped(String name, String pattern) implements Subscription {
        @Override
        public boolean isActive() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
