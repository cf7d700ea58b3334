package io.tributary.api.spi;

import io.tributary.api.InvalidPatternException;
import io.tributary.api.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteDecisionTest {

    @Test
    void decisionCarriesLaneAndDestinations() {
        RouteDecision d = RouteDecision.to(Priority.HIGH, "ui.quotes", "log.quotes");
        assertEquals(Priority.HIGH, d.lane());
        assertEquals(List.of("ui.quotes", "log.quotes"), d.destinations());
        assertFalse(d.isDrop());
        assertEquals("HIGH -> ui.quotes,log.quotes", d.toString());
        assertEquals(d, RouteDecision.to(Priority.HIGH, List.of("ui.quotes", "log.quotes")));
    }

    @Test
    void dropRoutesNowhere() {
        assertTrue(RouteDecision.DROP.isDrop());
        assertNull(RouteDecision.DROP.lane());
    }

    @Test
    void badDestinationIsRejectedUpFront() {
        InvalidPatternException e = assertThrows(InvalidPatternException.class, () -> RouteDecision.to(Priority.LOW, "ui..x"));
        assertEquals("ui..x", e.input());
        assertThrows(IllegalArgumentException.class, () -> RouteDecision.to(Priority.LOW, List.of()));
    }
}
