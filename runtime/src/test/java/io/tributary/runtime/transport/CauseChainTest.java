package io.tributary.runtime.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CauseChainTest {
    @Test
    void aCauseRepeatingItsWrappersMessageIsSaidOnce() {
        RuntimeException inner = new IllegalStateException("broker said no");
        assertEquals("broker said no", CauseChain.describe(new RuntimeException("broker said no", inner)));
        assertEquals("RuntimeException: x", CauseChain.describe(new RuntimeException(null, new IllegalStateException("x"))));
        assertEquals("no route: java.net.NoRouteToHostException: no route",
                CauseChain.describe(new RuntimeException("no route", new RuntimeException(
                        "java.net.NoRouteToHostException: no route", new java.net.NoRouteToHostException("no route")))));
    }
}
