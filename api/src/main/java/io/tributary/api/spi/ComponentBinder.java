package io.tributary.api.spi;

/**
 * How a plugin names its components, in {@link TributaryPlugin#configure}. The runtime implements
 * it with Guice multibindings, so a factory bound by class is built by the injector at start-up
 * (its constructor may take {@code @jakarta.inject.Inject} dependencies bound in the plugin's
 * optional {@link TributaryPlugin#guiceModule()}), yet a plugin needs no Guice to use it.
 *
 * <p>Names are lower case: a letter, then letters, digits, {@code -} or {@code _}. A name is unique
 * per kind across all loaded plugins.
 */
public interface ComponentBinder {

    ComponentBinder venue(String name, Class<? extends VenueAdapterFactory> factory);

    ComponentBinder venue(String name, VenueAdapterFactory factory);

    ComponentBinder policy(String name, Class<? extends RoutingPolicyFactory> factory);

    ComponentBinder policy(String name, RoutingPolicyFactory factory);

    ComponentBinder sink(String name, Class<? extends SinkFactory> factory);

    ComponentBinder sink(String name, SinkFactory factory);
}
