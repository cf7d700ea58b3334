package io.tributary.plugins.paper;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.MarketTopics;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.Quote;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper venue on the bus. For each simulated venue {@code V} it
 * <ul>
 *   <li>keeps the top of book from {@code data.quotes.V.*} (inline: just a map update);</li>
 *   <li>takes {@link OrderCommand}s from {@code orders.commands.V} on the CRITICAL lane, or through
 *       {@link #onCommand};</li>
 *   <li>publishes {@link OrderEvent}s on {@code orders.events.V} on the CRITICAL lane, keyed by client
 *       order id.</li>
 * </ul>
 * Commands and resting-order checks run one at a time through a {@link Mailbox}, whatever thread they
 * arrive on.
 */
final class PaperVenueAdapter implements VenueAdapter {

    private final List<String> venues;
    private final PluginContext context;
    private final PaperExchange exchange;
    private final Mailbox<Object> mailbox;
    private final Map<String, TopicHandle> eventTopics = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    PaperVenueAdapter(List<String> venues, double maxDeviationBps, PluginContext context) {
        this.venues = List.copyOf(venues);
        this.context = context;
        for (String venue : venues) {
            eventTopics.put(venue, context.bus().topic(MarketTopics.orderEvents(venue)));
        }
        this.exchange = new PaperExchange(Set.copyOf(venues), maxDeviationBps, context.clock(), this::publish);
        this.mailbox = new Mailbox<>(this::handle, (item, e) -> context.reportError("handling " + item, e));
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.EXECUTION);
    }

    @Override
    public synchronized void connect() {
        if (!subscriptions.isEmpty()) {
            return;
        }
        for (String venue : venues) {
            subscriptions.add(context.bus().subscribe(MarketTopics.QUOTES + "." + venue + ".*", this::onQuote,
                    SubscribeOptions.inline().named(context.componentName() + " quotes " + venue)));
            subscriptions.add(context.bus().subscribe(MarketTopics.orderCommands(venue), this::onCommandMessage,
                    SubscribeOptions.defaults().lane(Priority.CRITICAL).named(context.componentName() + " commands " + venue)));
        }
    }

    private void onQuote(Envelope<Object> message) {
        if (message.payload() instanceof Quote quote && exchange.updateQuote(quote)) {
            mailbox.submit(quote.instrument());
        }
    }

    private void onCommandMessage(Envelope<Object> message) {
        if (message.payload() instanceof OrderCommand command) {
            mailbox.submit(command);
        } else {
            context.reportError("command topic " + message.topic(), new IllegalArgumentException(
                    "expected an OrderCommand, got " + (message.payload() == null ? "null" : message.payload().getClass().getName())));
        }
    }

    @Override
    public void onCommand(OrderCommand command) {
        mailbox.submit(command);
    }

    private void handle(Object item) {
        if (item instanceof OrderCommand command) {
            exchange.onCommand(command);
        } else {
            exchange.checkResting((InstrumentId) item);
        }
    }

    private void publish(String venue, OrderEvent event) {
        TopicHandle topic = eventTopics.get(venue);
        if (topic == null) {
            // a rejection for a venue we do not simulate: tell whoever listens on that venue's topic
            context.bus().publish(MarketTopics.orderEvents(venue), event.clientOrderId(), event, Priority.CRITICAL);
            return;
        }
        topic.publish(event.clientOrderId(), event, Priority.CRITICAL);
    }

    @Override
    public synchronized void disconnect() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    @Override
    public String toString() {
        return "PaperVenueAdapter" + venues;
    }
}
