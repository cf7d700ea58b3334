package io.tributary.api.spi;

/** Creates {@link VenueAdapter}s; registered with {@link ComponentBinder#venue}. */
public interface VenueAdapterFactory extends ComponentFactory<VenueAdapter> {
}
