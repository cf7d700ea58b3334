package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.SubmitOrder;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route's destinations on Kafka: streams nobody created ahead, made by Kafka Streams on their first
 * record and read back onto the bus by the runner, which subscribed before they existed.
 */
class KafkaRoutedDestinationsIT {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final List<String> VENUES = List.of("BINANCE", "KRAKEN", "COINBASE", "BITSTAMP");
    /** One route per venue, made once: BINANCE keeps the stream's lane, the others move to their own. */
    private static final Map<String, Route> ROUTES = Map.of(
            "BINANCE", Route.to("orders.venue.BINANCE"),
            "KRAKEN", Route.to("orders.venue.KRAKEN", Priority.CRITICAL),
            "BITSTAMP", Route.to("orders.venue.BITSTAMP", Priority.HIGH),
            "COINBASE", Route.to("orders.venue.COINBASE", Priority.LOW));
    private static final Map<String, Priority> LANES = Map.of("BINANCE", Priority.NORMAL, "KRAKEN", Priority.CRITICAL,
            "BITSTAMP", Priority.HIGH, "COINBASE", Priority.LOW);
    private static final int ORDERS = 12;

    static Topology venueRouter() {
        TopologyBuilder t = new TopologyBuilder("venue-router");
        t.<SubmitOrder>stream("orders.new.*", Named.as("orders"))
                .route(o -> ROUTES.get(o.getInstrument().getVenue()), Named.as("by-venue"))
                .to("orders.unrouted", Named.as("out"));
        return t.build();
    }

    @Test
    void routedDestinationsAreCreatedWithAllTheirLanesAndComeBackOntoTheBus() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            String app = "routed";
            new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app))
                    .createTopics(List.of("orders.new.acct-1"), 1);   // else found within metadata.max.age.ms
            ConcurrentLinkedQueue<Envelope<SubmitOrder>> routed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Envelope<SubmitOrder>> unrouted = new ConcurrentLinkedQueue<>();
            AtomicInteger inputsOnTheBus = new AtomicInteger();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("orders.venue.*", (Envelope<SubmitOrder> m) -> routed.add(m.copy()), SubscribeOptions.inline());
                bus.subscribe("orders.unrouted", (Envelope<SubmitOrder> m) -> unrouted.add(m.copy()), SubscribeOptions.inline());
                bus.subscribe("orders.new.*", (Envelope<SubmitOrder> m) -> inputsOnTheBus.incrementAndGet(),
                        SubscribeOptions.inline());
                try (KafkaTransportRunner kafka = KafkaTransportRunner.start(venueRouter(), PluginCatalog.empty(), bus,
                        new KafkaTransportRunner.Options(KAFKA.bootstrapServers(), app, false, Map.of()))) {
                    assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                    String described = kafka.plan().describe();
                    assertTrue(described.contains("routed.<destination>.<lane> of route by-venue (created on its first record)"),
                            described);
                    for (int i = 0; i < ORDERS; i++) {
                        SubmitOrder order = RiskTopology.order("acct-1", "v-" + i, 10);
                        order.setInstrument(new InstrumentId(VENUES.get(i % VENUES.size()), "BTCUSDT"));
                        bus.publish("orders.new.acct-1", "acct-1", order, i < 6 ? Priority.NORMAL : Priority.LOW);
                    }
                    await(() -> routed.size() >= ORDERS, () -> "(routed back " + routed.size() + ", unrouted " + unrouted.size()
                            + ", bridged " + kafka.bridged() + ", plan counters " + kafka.plan().counters() + ")");
                    assertEquals(ORDERS, kafka.bridged(), "each order went to Kafka once: the run reads no input back");
                }
            }
            assertEquals(ORDERS, routed.size(), "each routed order came back once, on every lane");
            assertEquals(0, unrouted.size(), "every order had a route");
            assertEquals(ORDERS, inputsOnTheBus.get(), "the inputs were not read back from their lane topics");
            Set<String> ids = new HashSet<>();
            for (Envelope<SubmitOrder> m : routed) {
                String venue = m.payload().getInstrument().getVenue();
                assertEquals("orders.venue." + venue, m.topic());
                // a source's records start on NORMAL whatever lane they came in on, as on the bus
                assertEquals(LANES.get(venue), m.priority(), m.payload().getClientOrderId());
                ids.add(m.payload().getClientOrderId());
            }
            assertEquals(ORDERS, ids.size());

            // created ahead of their first record, all four lanes (the broker's auto-create makes only the lane written)
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
                Set<String> existing = admin.listTopics().names().get();
                LaneTopics topics = new LaneTopics(app);
                for (String venue : VENUES) {
                    assertTrue(existing.containsAll(topics.lanes("orders.venue." + venue)),
                            venue + "'s lane topics, among " + existing);
                }
            }
        });
    }

    /**
     * Two stages on Kafka, the first's sink feeding the second's source: each record goes through each
     * stage once, and what the run reads back onto the bus is not sent to Kafka again.
     */
    @Test
    void aSinkThatFeedsAKafkaSourceIsReadBackButNotSentAgain() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            String app = "staged";
            TopologyBuilder t = new TopologyBuilder("two-stage");
            t.<SubmitOrder>stream("orders.new.*", Named.as("orders"))
                    .filter(o -> o.getQuantity().getMantissa() > 0, Named.as("sane"))
                    .to("orders.checked.acct-1", Named.as("checked"));
            t.<SubmitOrder>stream("orders.checked.*", Named.as("checked-orders"))
                    .lane(Priority.HIGH, Named.as("high"))
                    .to("orders.final", Named.as("final"));
            new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app))
                    .createTopics(List.of("orders.new.acct-1"), 1);
            AtomicInteger checked = new AtomicInteger();
            AtomicInteger finals = new AtomicInteger();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("orders.checked.*", (Envelope<SubmitOrder> m) -> checked.incrementAndGet(), SubscribeOptions.inline());
                bus.subscribe("orders.final", (Envelope<SubmitOrder> m) -> finals.incrementAndGet(), SubscribeOptions.inline());
                try (KafkaTransportRunner kafka = KafkaTransportRunner.start(t.build(), PluginCatalog.empty(), bus,
                        new KafkaTransportRunner.Options(KAFKA.bootstrapServers(), app, false, Map.of()))) {
                    assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                    assertEquals(List.of("orders", "checked-orders"), kafka.kafkaSources());
                    for (int i = 0; i < 5; i++) {
                        bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", "s-" + i, 10), Priority.NORMAL);
                    }
                    await(() -> finals.get() >= 5 && checked.get() >= 5, () -> "(checked " + checked + ", final " + finals
                            + ", bridged " + kafka.bridged() + ")");
                    Thread.sleep(2_000);   // a record sent around again would show by now (a round trip takes ~10 ms)
                    assertEquals(5, kafka.bridged(), "only the inputs went to Kafka from the bus");
                }
            }
            assertEquals(5, checked.get(), "the first stage's outputs, read back once");
            assertEquals(5, finals.get(), "the second stage ran once per order");
        });
    }

    /**
     * A stream written both on the bus (here: published to it directly) and by a Kafka-side sink, and
     * read by a Kafka source: the run reads the stream back for the Kafka sink's records, but not the
     * ones its own bridge sent, which the bus delivered already. The second stage still sees all.
     */
    @Test
    void aStreamWrittenOnTheBusAndByKafkaReachesBusSubscribersOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            String app = "two-writers";
            TopologyBuilder t = new TopologyBuilder("two-writers");
            t.<SubmitOrder>stream("orders.new.*", Named.as("orders"))
                    .to("orders.checked.acct-1", Named.as("checked"));
            t.<SubmitOrder>stream("orders.checked.*", Named.as("checked-orders"))
                    .to("orders.final", Named.as("final"));
            new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app))
                    .createTopics(List.of("orders.new.acct-1"), 1);
            ConcurrentLinkedQueue<String> checked = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> finals = new ConcurrentLinkedQueue<>();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("orders.checked.*", (Envelope<SubmitOrder> m) -> checked.add(m.payload().getClientOrderId()),
                        SubscribeOptions.inline());
                bus.subscribe("orders.final", (Envelope<SubmitOrder> m) -> finals.add(m.payload().getClientOrderId()),
                        SubscribeOptions.inline());
                try (KafkaTransportRunner kafka = KafkaTransportRunner.start(t.build(), PluginCatalog.empty(), bus,
                        new KafkaTransportRunner.Options(KAFKA.bootstrapServers(), app, false, Map.of()))) {
                    assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                    for (int i = 0; i < 5; i++) {
                        bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", "k-" + i, 10), Priority.NORMAL);
                    }
                    for (int i = 0; i < 3; i++) {   // the in-process writer of the same stream
                        bus.publish("orders.checked.acct-1", "acct-1", RiskTopology.order("acct-1", "b-" + i, 10), Priority.NORMAL);
                    }
                    await(() -> finals.size() >= 8 && checked.size() >= 8, () -> "(checked " + checked + ", final " + finals
                            + ", bridged " + kafka.bridged() + ")");
                    Thread.sleep(2_000);   // a bus write read back would show by now
                    assertEquals(8, kafka.bridged(), "5 inputs and the 3 bus writes of the checked stream");
                    assertEquals(3, kafka.busWritesNotReadBack(), "the bus writes seen on the way back and left out");
                }
            }
            assertEquals(List.of("b-0", "b-1", "b-2", "k-0", "k-1", "k-2", "k-3", "k-4"), checked.stream().sorted().toList(),
                    "each checked order once: the bus's own from the bus, the Kafka sink's read back");
            assertEquals(List.of("b-0", "b-1", "b-2", "k-0", "k-1", "k-2", "k-3", "k-4"), finals.stream().sorted().toList(),
                    "the second stage ran once per order, whichever writer");
        });
    }
}
