package io.tributary.api.dsl;

/**
 * A venue plugin used as a source; {@link #subscribe} picks the topics of the venue to consume.
 */
public interface VenueSource {

    /** The venue's messages whose topic matches {@code pattern} (glob syntax of {@code TopicPattern}). */
    <T> Stream<T> subscribe(String pattern);
}
