package io.tributary.api;

/**
 * Nanoseconds since the Unix epoch, cheap enough for every message.
 *
 * <p>{@link #SYSTEM} reads the wall clock once and then advances with {@link System#nanoTime()}:
 * monotonic within a process and comparable (to clock-sync accuracy) across processes, so end-to-end
 * latency through Kafka or Redis can be measured. Tests use a clock they advance themselves.
 */
@FunctionalInterface
public interface EpochClock {

    long nowNanos();

    EpochClock SYSTEM = new EpochClock() {
        private final long offset = calibrate();

        private long calibrate() {
            java.time.Instant now = java.time.Instant.now();
            long wall = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            return wall - System.nanoTime();
        }

        @Override
        public long nowNanos() {
            return offset + System.nanoTime();
        }

        @Override
        public String toString() {
            return "EpochClock.SYSTEM";
        }
    };
}
