package io.tributary.runtime.cli;

import io.tributary.runtime.compile.PluginCatalog;

/**
 * What topologies may refer to before the plugin manager exists: the venue {@code sim}, which is the
 * built-in synthetic feed. The plugin issue replaces this with the loaded plugins.
 */
final class BuiltInPlugins {
    static final String SIM_VENUE = "sim";

    private BuiltInPlugins() {
    }

    static PluginCatalog catalog() {
        return PluginCatalog.builder().venue(SIM_VENUE).build();
    }
}
