package io.tributary.runtime.cli;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.market.Quote;

/**
 * Test desk for a failing Kafka side: the ticker's quotes cross Kafka as in {@link KafkaDesk}, and
 * the pricing step on Kafka Streams throws on every seventh one.
 */
public final class FailingKafkaDesk implements TopologyDefinition {
    static final String FAILURE = "no price for tick ";

    @Override
    public String name() {
        return "failing-kafka-desk";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        KafkaDesk.quotesIn(t);
        t.<Quote>stream("desk.in.*", Named.as("kafka-in"))
                .map(FailingKafkaDesk::price, Named.as("price"))
                .to("desk.out.priced", Named.as("priced-out"));
        return t.build();
    }

    static Quote price(Quote q) {
        if (q.bidPrice() % 7 == 0) {
            throw new ArithmeticException(FAILURE + q.bidPrice());
        }
        return q;
    }
}
