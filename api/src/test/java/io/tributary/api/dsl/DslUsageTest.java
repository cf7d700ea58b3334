package io.tributary.api.dsl;

import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DslUsageTest {

    @Test
    void builtTopologyCannotBeExtended() {
        TopologyBuilder t = new TopologyBuilder("x");
        Stream<String> s = t.stream("a");
        s.to("b");
        t.build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.filter(v -> true));
        assertTrue(e.getMessage().contains("already built"), e.getMessage());
    }

    @Test
    void streamsOfAnotherTopologyCannotBeMerged() {
        Stream<String> a = new TopologyBuilder("one").stream("a");
        Stream<String> b = new TopologyBuilder("two").stream("b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
        assertTrue(e.getMessage().contains("another topology"), e.getMessage());
    }

    @Test
    void splitRejectsDuplicateAndLateBranchesAndNamesTheKnownOnes() {
        Split<String> split = new TopologyBuilder("x").<String>stream("a").split(Named.as("s"))
                .branch("one", v -> true);
        assertThrows(IllegalArgumentException.class, () -> split.branch("one", v -> false));
        split.defaultBranch("rest");
        assertThrows(IllegalStateException.class, () -> split.branch("two", v -> true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> split.branch("nope"));
        assertTrue(e.getMessage().contains("[one, rest]"), e.getMessage());
        assertEquals(List.of("one", "rest"), List.copyOf(split.branches().keySet()));
        assertEquals("s-one", split.branch("one").nodeName());
    }

    @Test
    void pluginReferencesMustBeOfTheRightKind() {
        TopologyBuilder t = new TopologyBuilder("x");
        Stream<String> s = t.stream("a");
        assertThrows(IllegalArgumentException.class, () -> s.route(Venue.ref("sim")));
        assertThrows(IllegalArgumentException.class, () -> s.to(Policy.ref("glob")));
        assertThrows(IllegalArgumentException.class, () -> t.source(Sinks.ref("file")));
    }

    @Test
    void optionObjectsValidateTheirArguments() {
        assertThrows(IllegalArgumentException.class, () -> Named.as("has space"));
        assertThrows(IllegalArgumentException.class, () -> Named.as(" "));
        assertThrows(IllegalArgumentException.class, () -> Rate.perSecond(0));
        assertThrows(IllegalArgumentException.class, () -> TimeWindows.tumbling(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> TimeWindows.sliding(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> Route.to("bad..topic"));
        assertEquals(1_000_000L, Rate.perSecond(1000).intervalNanos());
        assertEquals("5/1s burst 3", Rate.perSecond(5).withBurst(3).toString());
        assertEquals(Priority.CRITICAL, Route.to("a.b", Priority.CRITICAL).lane());
    }

    @Test
    void definitionNameIsKebabCaseOfTheClassName() {
        class ArbDesk implements TopologyDefinition {
            @Override
            public Topology define(TopologyBuilder t) {
                t.stream("a").to("b");
                return t.build();
            }
        }
        class HTTPFeed implements TopologyDefinition {
            @Override
            public Topology define(TopologyBuilder t) {
                return t.build();
            }
        }
        assertEquals("arb-desk", new ArbDesk().name());
        assertEquals("http-feed", new HTTPFeed().name());
        assertEquals("arb-desk", new ArbDesk().build().name());
    }
}
