package io.tributary.topologies;

import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.topologies.model.Order;
import io.tributary.topologies.model.OrderRejected;
import io.tributary.topologies.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRiskTest {
    private final RiskLimits limits = new RiskLimits(10, 1_000, Set.of("BTCUSDT"));

    static Order order(long id, String account, String symbol, long price, long qty) {
        return new Order(id, account, "BINANCE", symbol, Side.BUY, price, qty, 2, 0);
    }

    @Test
    void approvedOrdersGoOutOnCriticalKeyedByAccountInOrder() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new OrderRisk(limits))) {
            driver.input("orders.new.strat-1").pipe(order(1, "acc-a", "BTCUSDT", 100, 5));
            driver.input("orders.new.strat-2").pipe(order(2, "acc-b", "BTCUSDT", 100, 1));
            driver.input("orders.new.strat-1").pipe(order(3, "acc-a", "BTCUSDT", 90, 2));
            List<Message<Order>> approved = driver.<Order>output("orders.approved").readRecords();
            assertEquals(List.of(1L, 2L, 3L), approved.stream().map(m -> m.payload().orderId()).toList());
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
            assertEquals(List.of(4L), driver.<Order>output("orders.approved").readAll().stream().map(Order::orderId).toList());
            List<Message<OrderRejected>> rejected = driver.<OrderRejected>output("orders.rejected").readRecords();
            assertEquals(List.of("symbol DOGEUSDT is not tradable", "quantity 11 outside (0, 10]", "notional 1200 above 1000"),
                    rejected.stream().map(m -> m.payload().reason()).toList());
            assertTrue(rejected.stream().allMatch(m -> m.priority() == Priority.HIGH));
        }
    }
}
