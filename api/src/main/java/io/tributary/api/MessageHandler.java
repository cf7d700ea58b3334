package io.tributary.api;

/**
 * Receives messages of a subscription. An exception thrown here does not stop other handlers or
 * later messages: the bus counts it and publishes a {@link DeadLetter} on the dead-letter topic.
 *
 * <p>The envelope may be reused after the call returns; see {@link Envelope}.
 */
@FunctionalInterface
public interface MessageHandler<T> {
    void onMessage(Envelope<T> message) throws Exception;
}
