/**
 * The plugin SPI: {@link io.tributary.api.spi.TributaryPlugin} names components (venue adapters,
 * routing policies, sinks) through a {@link io.tributary.api.spi.ComponentBinder}; each component
 * declares its settings as a {@link io.tributary.api.spi.ConfigSpec} and gets them validated as a
 * {@link io.tributary.api.spi.ComponentConfig}, plus a {@link io.tributary.api.spi.PluginContext}
 * with the bus and the clock. Nothing here depends on Guice or on the runtime.
 */
package io.tributary.api.spi;
