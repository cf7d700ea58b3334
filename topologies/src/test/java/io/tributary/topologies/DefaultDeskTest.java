package io.tributary.topologies;

import io.tributary.api.Priority;
import io.tributary.api.graph.TopologyDescription;
import io.tributary.runtime.testing.TopologyTestDriver;
import io.tributary.topologies.model.Bar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefaultDeskTest {

    @Test
    void usesEveryLane() {
        TopologyDescription d = new DefaultDesk().build().describe();
        assertEquals(Set.of(Priority.values()), d.lanes().keySet());
        assertEquals(3, d.subTopologies().size());
    }

    @Test
    void runsAllThreeFlowsSideBySide() {
        try (TopologyTestDriver driver = new TopologyTestDriver(new DefaultDesk())) {
            long t0 = driver.nowNanos();
            driver.input("data.quotes.BINANCE.BTCUSDT").pipe(MarketDataFanoutTest.quote("BINANCE", "BTCUSDT", 1, 2));
            driver.input("data.trades.BINANCE.BTCUSDT").pipe(TradeBarsTest.trade("BINANCE", "BTCUSDT", 100, 1, t0));
            driver.input("orders.new.s").pipe(OrderRiskTest.order(1, "acc", "BTCUSDT", 100, 1));
            driver.advanceTime(Duration.ofSeconds(2));
            assertEquals(1, driver.output("strategy.quotes").readAll().size());
            assertEquals(1, driver.output("ui.quotes.binance").readAll().size());
            assertEquals(100, driver.<Bar>output("bars.1s").readValue().open());
            assertEquals(1, driver.output("orders.approved").readAll().size());
        }
    }
}
