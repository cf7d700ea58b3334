package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.graph.TopologyDescription;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.api.market.Decimal;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.Side;
import io.tributary.topologies.model.Bar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultDeskTest {

    @Test
    void usesEveryLane() {
        TopologyDescription d = new DefaultDesk().build().describe();
        assertEquals(Set.of(Priority.values()), d.lanes().keySet());
        assertEquals(3, d.subTopologies().size(), "quotes with the strategy; trades; orders");
    }

    @Test
    void runsAllThreeFlowsSideBySide() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new DefaultDesk())) {
            long t0 = driver.nowNanos();
            for (int i = 0; i < DefaultDesk.QUOTES_PER_ORDER; i++) {
                driver.input("data.quotes.BINANCE.BTCUSDT").pipe(MarketDataFanoutTest.quote("BINANCE", "BTCUSDT", 100, 101));
            }
            driver.input("data.trades.BINANCE.BTCUSDT").pipe(TradeBarsTest.trade("BINANCE", "BTCUSDT", 100, 1, t0));
            driver.advanceTime(Duration.ofSeconds(2));
            assertEquals(DefaultDesk.QUOTES_PER_ORDER, driver.output("strategy.quotes").readAll().size());
            assertEquals(1, driver.output("ui.quotes.binance").readAll().size());
            assertEquals(100, driver.<Bar>output("bars.1s").readValue().open());
            // the toy strategy's first order: a buy of 1 at the ask, which passes the risk check
            OrderCommand.Submit order = driver.<OrderCommand.Submit>output("orders.approved").readValue();
            assertEquals(Side.BUY, order.side());
            assertEquals(Decimal.of(101, 2), order.price());
            assertEquals(QuoteTaker.STRATEGY, order.strategyId());
            assertTrue(driver.output("orders.rejected").isEmpty());
        }
    }
}
