package io.tributary.plugins.glob;

import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import io.tributary.api.spi.ConfigException;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobRoutingPolicyTest {

    static final List<String> ROUTES = List.of(
            "data.** -> LOW archive",
            "data.quotes.*.* -> HIGH ui.quotes",
            "data.quotes.BINANCE.BTC* -> CRITICAL arb.btc, log.btc",
            "data.trades.** => DROP");

    private final GlobPolicyFactory factory = new GlobPolicyFactory();

    private RoutingPolicy policy(Map<String, ?> config) {
        return factory.create(factory.configSpec().validate("policy 'glob'", config),
                new TestPluginContext(new SyncBus(), "policy 'glob'"));
    }

    private static RouteDecision route(RoutingPolicy policy, String topic) {
        return policy.route(new Message<>(1, topic, null, "x", Priority.NORMAL, 0, Headers.EMPTY), new RoutingContext() {
            @Override
            public String stageName() {
                return "router";
            }

            @Override
            public long nowNanos() {
                return 0;
            }
        });
    }

    @Test
    void firstMatchTakesTheEarliestMatchingRoute() {
        RoutingPolicy p = policy(Map.of("routes", ROUTES));
        assertEquals(RouteDecision.to(Priority.LOW, "archive"), route(p, "data.quotes.BINANCE.BTCUSDT"));
        assertEquals(RouteDecision.to(Priority.LOW, "archive"), route(p, "data.trades.X.Y"));
        assertSame(RouteDecision.DROP, route(p, "orders.events.X"));
    }

    @Test
    void mostSpecificTakesTheNarrowestMatchingRoute() {
        RoutingPolicy p = policy(Map.of("routes", ROUTES, "mode", "most-specific", "default", "NORMAL unrouted"));
        assertEquals(RouteDecision.to(Priority.CRITICAL, "arb.btc", "log.btc"), route(p, "data.quotes.BINANCE.BTCUSDT"));
        assertEquals(RouteDecision.to(Priority.HIGH, "ui.quotes"), route(p, "data.quotes.BINANCE.ETHUSDT"));
        assertSame(RouteDecision.DROP, route(p, "data.trades.X.Y"));
        assertEquals(RouteDecision.to(Priority.LOW, "archive"), route(p, "data.bars.X"));
        assertEquals(RouteDecision.to(Priority.NORMAL, "unrouted"), route(p, "orders.events.X"));
    }

    @Test
    void specificityTieGoesToTheEarlierRoute() {
        RoutingPolicy p = policy(Map.of("routes", List.of("a.*.c -> LOW one", "a.b.* -> LOW two"), "mode", "MOST_SPECIFIC"));
        assertEquals(RouteDecision.to(Priority.LOW, "one"), route(p, "a.b.c"));
    }

    @Test
    void doubleStarMatchesZeroOrMoreSegmentsAnywhere() {
        RoutingPolicy p = policy(Map.of("routes", List.of("a.**.z -> HIGH hit")));
        assertEquals(RouteDecision.to(Priority.HIGH, "hit"), route(p, "a.z"));
        assertEquals(RouteDecision.to(Priority.HIGH, "hit"), route(p, "a.b.c.z"));
        assertSame(RouteDecision.DROP, route(p, "a.b.c"));
    }

    @Test
    void trieAgreesWithTheReferenceMatcher() {
        Random random = new Random(2024);
        String[] pieces = {"a", "b", "c", "*", "**", "a*", "?", "b?"};
        String[] words = {"a", "b", "c", "ab", "ba", "bb", "abc"};
        for (int round = 0; round < 200; round++) {
            List<String> lines = new ArrayList<>();
            List<TopicPattern> patterns = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(6); r++) {
                StringBuilder pattern = new StringBuilder();
                for (int s = 0; s < 1 + random.nextInt(4); s++) {
                    pattern.append(s == 0 ? "" : ".").append(pieces[random.nextInt(pieces.length)]);
                }
                patterns.add(TopicPattern.parse(pattern.toString()));
                lines.add(pattern + " -> LOW r" + r);
            }
            List<Route> routes = RouteTable.parse(lines);
            GlobRoutingPolicy first = new GlobRoutingPolicy(routes, GlobRoutingPolicy.Mode.FIRST_MATCH, RouteDecision.DROP, 16);
            GlobRoutingPolicy specific = new GlobRoutingPolicy(routes, GlobRoutingPolicy.Mode.MOST_SPECIFIC, RouteDecision.DROP, 0);
            for (int t = 0; t < 30; t++) {
                StringBuilder topic = new StringBuilder();
                for (int s = 0; s < 1 + random.nextInt(5); s++) {
                    topic.append(s == 0 ? "" : ".").append(words[random.nextInt(words.length)]);
                }
                Route expectedFirst = null;
                Route expectedSpecific = null;
                for (Route route : routes) {
                    if (route.pattern().matches(topic.toString())) {
                        expectedFirst = expectedFirst == null ? route : expectedFirst;
                        expectedSpecific = expectedSpecific == null || route.compareSpecificity(expectedSpecific) > 0
                                ? route : expectedSpecific;
                    }
                }
                String context = lines + " on " + topic;
                assertSame(expectedFirst == null ? RouteDecision.DROP : expectedFirst.decision(), first.decide(topic.toString()), context);
                assertSame(expectedSpecific == null ? RouteDecision.DROP : expectedSpecific.decision(),
                        specific.decide(topic.toString()), context);
            }
        }
    }

    @Test
    void cacheStaysBoundedAndCorrect() {
        GlobRoutingPolicy p = new GlobRoutingPolicy(RouteTable.parse(List.of("t.* -> LOW x")),
                GlobRoutingPolicy.Mode.FIRST_MATCH, RouteDecision.DROP, 8);
        for (int i = 0; i < 100; i++) {
            assertEquals(RouteDecision.to(Priority.LOW, "x"), p.decide("t.n" + i));
            assertSame(RouteDecision.DROP, p.decide("u.n" + i));
            assertTrue(p.cachedTopics() <= 8);
        }
        assertSame(p.decide("t.n99"), p.decide("t.n99"), "decisions are shared instances, not copies");
    }

    @Test
    void badRoutesAreNamedWithTheirIndexAndCause() {
        assertProblem(List.of("a.b -> LOW x", "a..b -> LOW x"),
                "key 'routes': route 1 'a..b -> LOW x': invalid pattern 'a..b': empty segment at position 2");
        assertProblem(List.of("a.b LOW x"), "key 'routes': route 0 'a.b LOW x': expected 'PATTERN -> LANE DESTINATION'");
        assertProblem(List.of("a.b -> URGENT x"), "unknown lane 'URGENT' (lanes: CRITICAL, HIGH, NORMAL, LOW, or DROP)");
        assertProblem(List.of("a.b -> HIGH"), "lane HIGH needs at least one destination topic");
        assertProblem(List.of("a.b -> HIGH x.*"), "invalid destination 'x.*'");
        assertProblem(List.of("a.b -> DROP x"), "DROP takes no destination");
        ConfigException e = assertThrows(ConfigException.class, () -> policy(Map.of("routes", "a -> LOW x", "default", "FAST y")));
        assertTrue(e.getMessage().contains("key 'default': unknown lane 'FAST'"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> factory.configSpec().validate("policy 'glob'", Map.of()));
        assertTrue(missing.getMessage().contains("key 'routes': is required"), missing.getMessage());
    }

    private void assertProblem(List<String> routes, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> policy(Map.of("routes", routes)));
        assertTrue(e.getMessage().startsWith("invalid config for policy 'glob'"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
