package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TimeWindows;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.OrderRejected;
import io.tributary.schemas.OrderSide;
import io.tributary.schemas.OrderType;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.TimeInForce;
import io.tributary.schemas.TradeTick;

import java.time.Duration;

/**
 * The order-risk example (topologies/OrderRisk) over the Avro order types, so it can cross Kafka,
 * plus a windowed trade count that Kafka does not run yet (stateful).
 */
final class RiskTopology {
    static final long MAX_QUANTITY = 100;

    private RiskTopology() {
    }

    static Topology build() {
        TopologyBuilder t = new TopologyBuilder("order-risk");
        Stream<SubmitOrder> orders = t.stream("orders.new.*", Named.as("orders"));
        orders.filter(RiskTopology::accepts, Named.as("risk-check"))
                .keyBy(SubmitOrder::getStrategyId, Named.as("order-by-account"))
                .lane(Priority.CRITICAL, Named.as("critical"))
                .to("orders.approved", Named.as("approved"));
        orders.filter(o -> !accepts(o), Named.as("risk-failed"))
                .map(RiskTopology::reject, Named.as("rejection"))
                .keyBy(r -> r.getInstrument().getSymbol(), Named.as("rejection-by-symbol"))
                .lane(Priority.HIGH, Named.as("rejection-lane"))
                .to("orders.rejected", Named.as("rejected"));
        t.<TradeTick>stream("data.trades.**", Named.as("trades"))
                .keyBy(tr -> tr.getInstrument().getSymbol(), Named.as("trade-by-symbol"))
                .windowedBy(TimeWindows.tumbling(Duration.ofSeconds(1)))
                .count(Named.as("trades-1s"))
                .to("trades.count.1s", Named.as("to-counts"));
        return t.build();
    }

    static boolean accepts(SubmitOrder o) {
        return o.getQuantity().getMantissa() <= MAX_QUANTITY;
    }

    static OrderRejected reject(SubmitOrder o) {
        return new OrderRejected(o.getClientOrderId(), o.getInstrument(),
                "quantity " + o.getQuantity().getMantissa() + " above " + MAX_QUANTITY, o.getTsInit(), o.getTsInit());
    }

    static SubmitOrder order(String account, String clientOrderId, long quantity) {
        return new SubmitOrder("cmd-" + clientOrderId, clientOrderId, account, new InstrumentId("BINANCE", "BTCUSDT"),
                OrderSide.BUY, OrderType.LIMIT, new Quantity(quantity, 0), new Price(6_500_000L, 2), TimeInForce.GTC,
                EpochNanos.now());
    }
}
