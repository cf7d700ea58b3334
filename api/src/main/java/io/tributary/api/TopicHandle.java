package io.tributary.api;

/**
 * A topic resolved once, so that publishing through it does no string work: the subscriber list
 * is cached in the handle and re-resolved only when subscriptions change.
 *
 * <p>A handle may be used from several threads.
 */
public interface TopicHandle {

    String topic();

    /** Publishes with no key on the NORMAL lane. */
    default boolean publish(Object payload) {
        return publish(null, payload, Priority.NORMAL);
    }

    /** @return false if a subscriber's lane rejected the message (REJECT policy), else true */
    boolean publish(Object key, Object payload, Priority priority);

    boolean publish(Object key, Object payload, Priority priority, Headers headers);
}
