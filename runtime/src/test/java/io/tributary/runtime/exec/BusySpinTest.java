package io.tributary.runtime.exec;

import io.tributary.api.EpochClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BusySpinTest {

    @Test
    void idleDefaultWorkerParksButBusySpinWorkerNeverDoes() throws Exception {
        assertEquals(Thread.State.WAITING, idleWorkerStateAfterSettling(false));
        assertEquals(Thread.State.RUNNABLE, idleWorkerStateAfterSettling(true));
    }

    private static Thread.State idleWorkerStateAfterSettling(boolean busySpin) throws InterruptedException {
        ExecutorConfig config = ExecutorConfig.builder().fixedWorkers(1).busySpin(busySpin).build();
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (PriorityExecutor executor = new PriorityExecutor(config, EpochClock.SYSTEM)) {
            Thread worker = newWorkerThread(before);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Thread.State state = worker.getState();
            // the default worker parks after a few spins and yields; give it time, then sample
            while (System.nanoTime() < deadline && state != Thread.State.WAITING) {
                Thread.sleep(20);
                state = worker.getState();
            }
            return state;
        }
    }

    /** This executor's worker: other tests' executors may still be winding down in this JVM. */
    private static Thread newWorkerThread(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tributary-worker-") && t.isAlive() && !before.contains(t))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker thread"));
    }

    @Test
    void busySpinIsOffByDefault() {
        assertFalse(ExecutorConfig.defaults().busySpin());
    }
}
