package io.tributary.topologies;

import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.OrderEvent;
import io.tributary.api.market.OrderType;
import io.tributary.api.market.Side;
import io.tributary.api.market.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRiskTest {
    private final RiskLimits limits = new RiskLimits(Decimal.of(10, 0), Decimal.of(1_000, 0), Set.of("BTCUSDT"));

    /** A limit buy of {@code qty} at {@code price} (whole units) on BINANCE. */
    static OrderCommand.Submit order(long id, String strategy, String symbol, long price, long qty) {
        return new OrderCommand.Submit("o-" + id, strategy, InstrumentId.of("BINANCE", symbol), Side.BUY, OrderType.LIMIT,
                Decimal.of(qty, 0), Decimal.of(price, 0), TimeInForce.GTC, 0);
    }

    @Test
    void approvedOrdersGoOutOnCriticalKeyedByStrategyInOrder() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new OrderRisk(limits))) {
            driver.input("orders.new.strat-1").pipe(order(1, "acc-a", "BTCUSDT", 100, 5));
            driver.input("orders.new.strat-2").pipe(order(2, "acc-b", "BTCUSDT", 100, 1));
            driver.input("orders.new.strat-1").pipe(order(3, "acc-a", "BTCUSDT", 90, 2));
            List<Message<OrderCommand.Submit>> approved = driver.<OrderCommand.Submit>output("orders.approved").readRecords();
            assertEquals(List.of("o-1", "o-2", "o-3"), approved.stream().map(m -> m.payload().clientOrderId()).toList());
            assertEquals(List.of("acc-a", "acc-b", "acc-a"), approved.stream().map(Message::key).toList());
            assertTrue(approved.stream().allMatch(m -> m.priority() == Priority.CRITICAL));
            assertTrue(driver.output("orders.rejected").isEmpty());
        }
    }

    @Test
    void ordersBreakingALimitAreRejectedOnHighWithTheReason() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new OrderRisk(limits))) {
            driver.input("orders.new.s").pipe(order(1, "acc", "DOGEUSDT", 1, 1));
            driver.input("orders.new.s").pipe(order(2, "acc", "BTCUSDT", 100, 11));
            driver.input("orders.new.s").pipe(order(3, "acc", "BTCUSDT", 200, 6));
            driver.input("orders.new.s").pipe(order(4, "acc", "BTCUSDT", 10, 10));
            driver.input("orders.new.s").pipe(OrderCommand.Submit.market("o-5", InstrumentId.of("BINANCE", "BTCUSDT"),
                    Side.SELL, Decimal.of(3, 0)));
            assertEquals(List.of("o-4", "o-5"), driver.<OrderCommand.Submit>output("orders.approved").readAll().stream()
                    .map(OrderCommand.Submit::clientOrderId).toList());
            List<Message<OrderEvent.Rejected>> rejected = driver.<OrderEvent.Rejected>output("orders.rejected").readRecords();
            assertEquals(List.of("symbol DOGEUSDT is not tradable", "quantity 11 outside (0, 10]", "notional 1200 above 1000"),
                    rejected.stream().map(m -> m.payload().reason()).toList());
            assertEquals(List.of("o-1", "o-2", "o-3"), rejected.stream().map(m -> m.payload().clientOrderId()).toList());
            assertEquals(InstrumentId.of("BINANCE", "DOGEUSDT"), rejected.get(0).payload().instrument());
            assertTrue(rejected.stream().allMatch(m -> m.priority() == Priority.HIGH));
            assertTrue(rejected.stream().allMatch(m -> "acc".equals(m.key())), "keyed by the order's strategy");
        }
    }
}
