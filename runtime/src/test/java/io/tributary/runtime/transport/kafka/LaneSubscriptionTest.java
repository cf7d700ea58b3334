package io.tributary.runtime.transport.kafka;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneSubscriptionTest {

    @Test
    void aFixedListNeedsAStreamButEveryStreamDoesNot() {
        var e = assertThrows(IllegalArgumentException.class, () -> LaneSubscription.of(List.of()));
        assertEquals("a lane consumer needs at least one stream", e.getMessage());
        assertTrue(new LaneSubscription(List.of(), true, List.of("orders.new.*")).newStreams());
    }

    @Test
    void aBadExcludedPatternIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LaneSubscription(List.of(), true, List.of("orders..new")));
        assertTrue(e.getMessage().contains("orders..new"), e.getMessage());
    }

    @Test
    void everyStreamRefreshesMetadataSoonerUnlessTheClientPropertiesSay() {
        Map<String, Object> base = Map.of("group.id", "g");
        LaneSubscription every = new LaneSubscription(List.of("a"), true, List.of());
        assertEquals(LaneSubscription.NEW_STREAM_DISCOVERY_MILLIS, every.consumerConfig(base).get("metadata.max.age.ms"));
        assertEquals(60_000, every.consumerConfig(Map.of("metadata.max.age.ms", 60_000)).get("metadata.max.age.ms"));
        assertFalse(LaneSubscription.of(List.of("a")).consumerConfig(base).containsKey("metadata.max.age.ms"),
                "a fixed list keeps Kafka's default");
    }
}
