package io.tributary.topologies;

import io.tributary.api.market.Decimal;
import io.tributary.api.market.OrderCommand;
import io.tributary.api.market.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteTakerTest {

    @Test
    void everyNthTradableQuoteBecomesAnOrderAtTheTouchAndEverySeventhIsTooBig() {
        QuoteTaker taker = new QuoteTaker(3);
        List<OrderCommand.Submit> orders = new ArrayList<>();
        assertTrue(taker.apply(MarketDataFanoutTest.quote("SIMA", "BTCUSDT", 50, 49)).isEmpty(), "crossed: not counted");
        for (int i = 0; i < 21; i++) {
            orders.addAll(taker.apply(MarketDataFanoutTest.quote("SIMA", "BTCUSDT", 100, 101)));
        }
        assertEquals(7, orders.size());
        assertEquals(List.of(Side.BUY, Side.SELL), orders.subList(0, 2).stream().map(OrderCommand.Submit::side).toList());
        assertEquals(Decimal.of(101, 2), orders.get(0).price(), "buys at the ask");
        assertEquals(Decimal.of(100, 2), orders.get(1).price(), "sells at the bid");
        assertEquals(Decimal.of(50, 0), orders.get(6).quantity());
        assertTrue(RiskLimits.DEFAULT.accepts(orders.get(0)));
        assertEquals("quantity 50 outside (0, 10]", RiskLimits.DEFAULT.reject(orders.get(6)));
        assertThrows(IllegalArgumentException.class, () -> new QuoteTaker(0));
    }
}
