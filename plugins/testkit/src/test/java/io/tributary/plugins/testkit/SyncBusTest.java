package io.tributary.plugins.testkit;

import io.tributary.api.Envelope;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyncBusTest {

    @Test
    void deliversToMatchingSubscriptionsAndRecords() {
        SyncBus bus = new SyncBus();
        List<String> seen = new ArrayList<>();
        Subscription sub = bus.subscribe("data.quotes.*.BTC*", (Envelope<String> m) -> seen.add(m.topic() + "=" + m.payload()));
        bus.publish("data.quotes.A.BTCUSD", "1");
        bus.publish("data.quotes.A.ETHUSD", "2");
        bus.topic("data.quotes.B.BTCEUR").publish("3");
        sub.close();
        bus.publish("data.quotes.A.BTCUSD", "4");
        assertEquals(List.of("data.quotes.A.BTCUSD=1", "data.quotes.B.BTCEUR=3"), seen);
        assertEquals(List.of("1", "3", "4"), bus.payloads("data.quotes.*.BTC*", String.class));
        assertEquals(4, bus.published().size());
    }

    @Test
    void handlerExceptionsBecomeDeadLetters() {
        SyncBus bus = new SyncBus();
        bus.subscribe("x", m -> {
            throw new IllegalStateException("no");
        }, SubscribeOptions.defaults().named("failing"));
        bus.publish("x", "p");
        assertEquals("failing", bus.deadLetters().get(0).subscriber());
    }

    @Test
    void endpointsAndRequests() throws Exception {
        SyncBus bus = new SyncBus();
        List<Object> got = new ArrayList<>();
        bus.register("ep", m -> got.add(m.payload()), SubscribeOptions.defaults());
        bus.send("ep", "a");
        bus.serve("double", (Envelope<Integer> m) -> m.payload() * 2, SubscribeOptions.defaults());
        assertEquals(42, bus.<Integer>request("double", 21, Duration.ofSeconds(1)).get());
        assertEquals(List.of("a"), got);
        assertThrows(IllegalStateException.class, () -> bus.send("nobody", "x"));
    }
}
