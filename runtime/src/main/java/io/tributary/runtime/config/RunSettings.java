package io.tributary.runtime.config;

import java.time.Duration;

/**
 * {@code tributary run} ({@code tributary.run}).
 *
 * @param duration         how long to run; zero runs until interrupted
 * @param progressInterval how often the progress line is printed
 */
public record RunSettings(Duration duration, Duration progressInterval) {

    public boolean untilInterrupted() {
        return duration.isZero();
    }
}
