package io.tributary.api.spi;

/**
 * Creates instances of one named component. A factory is created once, at start-up, by the
 * runtime's injector (so it may have an {@code @jakarta.inject.Inject} constructor); it must be
 * thread-safe and cheap to keep. Each use of the component in a topology calls {@link #create} with
 * that use's config.
 *
 * @param <T> what it creates
 */
public interface ComponentFactory<T> {

    /** One line for {@code tributary plugins}. */
    default String description() {
        return "";
    }

    /** The settings {@link #create} accepts; the runtime validates raw config against it first. */
    default ConfigSpec configSpec() {
        return ConfigSpec.EMPTY;
    }

    /**
     * Creates an instance. Throw {@link ConfigException} (see {@link ComponentConfig#problem}) for
     * config that passes the key checks but is still wrong.
     *
     * @param config  validated against {@link #configSpec()}
     * @param context the bus, clock and logger this instance may use
     */
    T create(ComponentConfig config, PluginContext context) throws Exception;
}
