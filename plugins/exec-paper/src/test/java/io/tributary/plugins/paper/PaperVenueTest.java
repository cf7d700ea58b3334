package io.tributary.plugins.paper;

import io.tributary.api.Priority;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.OrderType;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;
import io.tributary.api.spi.ConfigException;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.plugins.testkit.ManualClock;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperVenueTest {

    static final InstrumentId BTC = InstrumentId.of("SIMA", "BTCUSD");

    SyncBus bus;
    TestPluginContext context;
    VenueAdapter paper;

    @BeforeEach
    void start() throws Exception {
        bus = new SyncBus();
        context = new TestPluginContext(bus, new ManualClock(77), "venue 'paper'");
        PaperVenueFactory factory = new PaperVenueFactory();
        paper = factory.create(factory.configSpec().validate("venue 'paper'", Map.of("venues", "SIMA,SIMB",
                "maxDeviationBps", 500)), context);
        paper.connect();
    }

    void quote(InstrumentId instrument, String bid, String ask) {
        Decimal b = Decimal.parse(bid);
        Decimal a = Decimal.parse(ask);
        bus.publish("data.quotes." + instrument.venue() + "." + instrument.symbol(),
                new Quote(instrument, b.mantissa(), a.mantissa(), 100, 100, b.scale(), 0, 1, 1));
    }

    void command(OrderCommand command) {
        bus.publish("orders.commands." + command.instrument().venue(), command.clientOrderId(), command, Priority.CRITICAL);
    }

    List<OrderEvent> events() {
        return bus.payloads("orders.events.*", OrderEvent.class);
    }

    static OrderCommand.Submit limit(String id, Side side, String price, TimeInForce tif) {
        return OrderCommand.Submit.limit(id, BTC, side, Decimal.parse("1.5"), Decimal.parse(price), tif);
    }

    @Test
    void marketOrdersFillAtTheTouch() {
        quote(BTC, "100.00", "100.10");
        command(OrderCommand.Submit.market("b1", BTC, Side.BUY, Decimal.parse("2")));
        command(OrderCommand.Submit.market("s1", BTC, Side.SELL, Decimal.parse("3")));
        assertEquals(List.of(
                new OrderEvent.Accepted("b1", "SIMA-P1", BTC, 77),
                new OrderEvent.Filled("b1", "SIMA-P1", "SIMA-F1", BTC, Side.BUY, Decimal.parse("100.10"), Decimal.parse("2"), 77),
                new OrderEvent.Accepted("s1", "SIMA-P2", BTC, 77),
                new OrderEvent.Filled("s1", "SIMA-P2", "SIMA-F2", BTC, Side.SELL, Decimal.parse("100.00"), Decimal.parse("3"), 77)),
                events());
        assertTrue(bus.published().stream().filter(m -> m.topic().startsWith("orders.events"))
                .allMatch(m -> m.priority() == Priority.CRITICAL && m.topic().equals("orders.events.SIMA")));
    }

    @Test
    void marketableLimitFillsAtTheTouchNotItsLimit() {
        quote(BTC, "100.00", "100.10");
        command(limit("b1", Side.BUY, "100.50", TimeInForce.GTC));
        OrderEvent.Filled fill = (OrderEvent.Filled) events().get(1);
        assertEquals(Decimal.parse("100.10"), fill.price());
    }

    @Test
    void restingLimitFillsWhenAQuoteCrossesIt() {
        quote(BTC, "100.00", "100.10");
        command(limit("b1", Side.BUY, "99.50", TimeInForce.GTC));
        command(limit("s1", Side.SELL, "101", TimeInForce.DAY));
        assertEquals(2, events().size(), "both accepted, neither filled");
        quote(BTC, "99.40", "99.45");
        quote(BTC, "101.20", "101.30");
        List<OrderEvent> events = events();
        assertEquals(4, events.size(), events::toString);
        assertEquals(new OrderEvent.Filled("b1", "SIMA-P1", "SIMA-F1", BTC, Side.BUY, Decimal.parse("99.45"),
                Decimal.parse("1.5"), 77), events.get(2));
        assertEquals(new OrderEvent.Filled("s1", "SIMA-P2", "SIMA-F2", BTC, Side.SELL, Decimal.parse("101.20"),
                Decimal.parse("1.5"), 77), events.get(3));
    }

    @Test
    void nonMarketableIocIsCancelled() {
        quote(BTC, "100.00", "100.10");
        command(limit("b1", Side.BUY, "99.00", TimeInForce.IOC));
        assertEquals(List.of(new OrderEvent.Accepted("b1", "SIMA-P1", BTC, 77), new OrderEvent.Cancelled("b1", "SIMA-P1", BTC, 77)),
                events());
    }

    @Test
    void cancelsWorkingOrdersAndRejectsOtherCancels() {
        quote(BTC, "100.00", "100.10");
        command(limit("b1", Side.BUY, "99.00", TimeInForce.GTC));
        command(OrderCommand.Cancel.of("b1", BTC));
        command(OrderCommand.Cancel.of("b1", BTC));
        quote(BTC, "98.00", "98.10");
        List<OrderEvent> events = events();
        assertEquals(new OrderEvent.Cancelled("b1", "SIMA-P1", BTC, 77), events.get(1));
        assertEquals(new OrderEvent.Rejected("b1", BTC, "cancel: no working order with clientOrderId b1", 77), events.get(2));
        assertEquals(3, events.size(), "a cancelled order never fills");
    }

    @Test
    void rejectsWhatItCannotTakeSayingWhy() {
        quote(BTC, "100.00", "100.10");
        InstrumentId unknown = InstrumentId.of("SIMA", "DOGEUSD");
        InstrumentId otherVenue = InstrumentId.of("ELSEWHERE", "BTCUSD");
        command(OrderCommand.Submit.market("u1", unknown, Side.BUY, Decimal.parse("1")));
        paper.onCommand(OrderCommand.Submit.market("v1", otherVenue, Side.BUY, Decimal.parse("1")));
        command(limit("p1", Side.BUY, "-1", TimeInForce.GTC));
        command(limit("p2", Side.BUY, "100.001", TimeInForce.GTC));
        command(limit("p3", Side.BUY, "120", TimeInForce.GTC));
        command(OrderCommand.Submit.market("q1", BTC, Side.BUY, Decimal.parse("0")));
        command(new OrderCommand.Submit("n1", "s", BTC, Side.BUY, OrderType.LIMIT, Decimal.parse("1"), null, TimeInForce.GTC, 0));
        command(OrderCommand.Submit.market("d1", BTC, Side.BUY, Decimal.parse("1")));
        command(OrderCommand.Submit.market("d1", BTC, Side.BUY, Decimal.parse("1")));
        List<String> reasons = bus.payloads("orders.events.*", OrderEvent.Rejected.class).stream()
                .map(r -> r.clientOrderId() + ": " + r.reason()).toList();
        assertEquals(List.of(
                "u1: unknown instrument SIMA:DOGEUSD: no market data seen for it",
                "v1: venue ELSEWHERE is not simulated here (simulated: SIMA, SIMB)",
                "p1: bad price -1: must be positive",
                "p2: bad price 100.001: finer than the instrument's tick (2 decimal places)",
                "p3: bad price 120: 1994 bps from the mid 100.05 (limit 500 bps)",
                "q1: quantity must be positive, got 0",
                "n1: limit order without a price",
                "d1: duplicate clientOrderId d1"), reasons);
        assertEquals(1, bus.payloads("orders.events.ELSEWHERE", OrderEvent.Rejected.class).size());
    }

    @Test
    void directCommandsWorkLikeBusCommands() {
        quote(BTC, "100.00", "100.10");
        paper.onCommand(OrderCommand.Submit.market("b1", BTC, Side.BUY, Decimal.parse("1")));
        assertEquals(2, events().size());
    }

    @Test
    void fillsUseTheOrdersOwnVenuesQuotes() {
        quote(InstrumentId.of("SIMB", "BTCUSD"), "100.00", "100.10");
        command(OrderCommand.Submit.market("a1", BTC, Side.BUY, Decimal.parse("1")));
        assertEquals("unknown instrument SIMA:BTCUSD: no market data seen for it",
                ((OrderEvent.Rejected) events().get(0)).reason());
    }

    @Test
    void commandsForVenuesNotSimulatedAreNotEvenSeen() {
        quote(InstrumentId.of("SIMC", "BTCUSD"), "100.00", "100.10");
        command(OrderCommand.Submit.market("c1", InstrumentId.of("SIMC", "BTCUSD"), Side.BUY, Decimal.parse("1")));
        assertEquals(List.of(), events(), "orders.commands.SIMC belongs to someone else");
    }

    @Test
    void disconnectStopsListening() {
        quote(BTC, "100.00", "100.10");
        paper.disconnect();
        command(OrderCommand.Submit.market("b1", BTC, Side.BUY, Decimal.parse("1")));
        assertEquals(List.of(), events());
    }

    @Test
    void wrongPayloadOnTheCommandTopicIsReported() {
        bus.publish("orders.commands.SIMA", "not a command");
        assertEquals(1, context.errors().size());
    }

    @Test
    void badVenueNameIsAConfigError() {
        PaperVenueFactory factory = new PaperVenueFactory();
        ConfigException e = assertThrows(ConfigException.class, () -> factory.create(
                factory.configSpec().validate("venue 'paper'", Map.of("venues", "A.B")), context));
        assertTrue(e.getMessage().contains("key 'venues'"), e.getMessage());
    }
}
