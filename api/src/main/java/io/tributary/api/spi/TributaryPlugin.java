package io.tributary.api.spi;

/**
 * The entry point of a plugin jar, found with {@link java.util.ServiceLoader}: list the
 * implementation's class name in {@code META-INF/services/io.tributary.api.spi.TributaryPlugin}.
 *
 * <p>Each plugin jar (or folder of jars) gets its own class loader that shares only the API
 * packages with the host ({@code io.tributary.api}, {@code jakarta.inject}, {@code com.google.inject},
 * {@code org.apache.avro}, {@code com.codahale.metrics}, {@code org.slf4j}); everything else the
 * plugin bundles is private to it.
 *
 * <pre>{@code
 * public final class EchoPlugin implements TributaryPlugin {
 *     public String name() { return "example-echo"; }
 *     public void configure(ComponentBinder binder) { binder.sink("echo", EchoSinkFactory.class); }
 * }
 * }</pre>
 */
public interface TributaryPlugin {

    /** Short unique name, e.g. {@code venue-sim}. */
    String name();

    /** The plugin's version; by default the jar manifest's {@code Implementation-Version}. */
    default String version() {
        Package pkg = getClass().getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** Names the plugin's components. Called once, at start-up. */
    void configure(ComponentBinder binder);

    /**
     * Optional: a {@code com.google.inject.Module} with bindings the plugin's factories inject
     * (typed as Object so that the API does not depend on Guice). Installed into the plugin's own
     * injector; anything else than a Guice module or null is a load error naming the plugin.
     */
    default Object guiceModule() {
        return null;
    }
}
