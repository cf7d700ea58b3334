package io.tributary.runtime.cli;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.api.dsl.Venue;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.Quote;

/**
 * Test desk for {@code run --transport kafka}: the ticker venue's strings become plain
 * {@code api.market} quotes in-process and go to {@code desk.in.quotes}; the topic source
 * {@code desk.in.*} runs on Kafka Streams and splits them onto a CRITICAL and a LOW sink. The raw
 * strings also go to {@code desk.in.raw}, which has no Avro form: counted, not sent.
 */
public final class KafkaDesk implements TopologyDefinition {
    static final InstrumentId INSTRUMENT = InstrumentId.of("T", "X");

    @Override
    public String name() {
        return "kafka-desk";
    }

    @Override
    public Topology define(TopologyBuilder t) {
        Stream<String> ticks = quotesIn(t);
        ticks.filter(s -> s.endsWith("0"), Named.as("every-tenth")).to("desk.in.raw", Named.as("raw-in"));
        Stream<Quote> in = t.stream("desk.in.*", Named.as("kafka-in"));
        in.filter(q -> q.bidPrice() % 2 == 0, Named.as("even")).lane(Priority.CRITICAL, Named.as("critical"))
                .to("desk.out.even", Named.as("even-out"));
        in.filter(q -> q.bidPrice() % 2 != 0, Named.as("odd")).lane(Priority.LOW, Named.as("low"))
                .to("desk.out.odd", Named.as("odd-out"));
        return t.build();
    }

    /** The in-process part: the ticker's strings as quotes on {@code desk.in.quotes}; returns the strings. */
    static Stream<String> quotesIn(TopologyBuilder t) {
        Stream<String> ticks = t.source(Named.as("ticks"), Venue.ref("sim")).subscribe("data.quotes.**");
        ticks.map(KafkaDesk::quote, Named.as("to-quote")).to("desk.in.quotes", Named.as("quotes-in"));
        return ticks;
    }

    static Quote quote(String tick) {
        long n = Long.parseLong(tick.substring(tick.indexOf('-') + 1));
        return new Quote(INSTRUMENT, n, n + 1, 10, 10, 2, 0, n, n);
    }
}
