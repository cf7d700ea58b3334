package io.tributary.runtime.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportProgressTest {
    @Test
    void saysTheTroubleWordOnlyInTroubleAndTheWaitingLevelAsIs() {
        TransportProgress progress = new TransportProgress("kafka", "AWAY", "waiting");
        String fine = progress.next(false, 0, 0, 0);
        assertTrue(fine.matches(" \\| kafka sent \\S+/s recv \\S+/s waiting 0"), fine);
        String away = progress.next(true, 10, 5, 7);
        assertTrue(away.matches(" \\| kafka AWAY sent \\S+/s recv \\S+/s waiting 7"), away);
    }
}
