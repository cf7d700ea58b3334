/**
 * Plugin loading: {@link io.tributary.runtime.plugin.PluginManager} scans a plugins directory,
 * gives each jar or folder of jars its own class loader sharing only the API packages, finds
 * {@code TributaryPlugin}s with {@code ServiceLoader}, builds their components with Guice (at
 * start-up only) and hands out a {@link io.tributary.runtime.plugin.LoadedPlugins} registry whose
 * components are isolated: their failures are named and counted, never fatal to the host.
 */
package io.tributary.runtime.plugin;
