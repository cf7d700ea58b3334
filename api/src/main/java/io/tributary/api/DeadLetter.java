package io.tributary.api;

import java.util.Objects;

/**
 * What the dead-letter topic carries: the message a handler failed on, who failed and why.
 *
 * @param message    immutable copy of the message that failed
 * @param subscriber name of the subscription whose handler threw
 * @param error      the exception
 */
public record DeadLetter(Message<?> message, String subscriber, Throwable error) {
    public DeadLetter {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(error, "error");
    }
}
