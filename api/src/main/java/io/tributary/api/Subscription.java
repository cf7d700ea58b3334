package io.tributary.api;

/** A live subscription; {@link #close()} unsubscribes (idempotent). */
public interface Subscription extends AutoCloseable {

    /** The name given in {@link SubscribeOptions#named(String)}, or a generated one. */
    String name();

    /** The pattern, or for endpoints the endpoint name. */
    String pattern();

    boolean isActive();

    @Override
    void close();
}
