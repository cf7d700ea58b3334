package io.tributary.runtime.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin that loaded.
 *
 * @param name       its {@code TributaryPlugin.name()}
 * @param version    its {@code TributaryPlugin.version()}
 * @param location   the jar or folder
 * @param components what it provides, in the order it bound them (including any that a name
 *                   conflict with another plugin kept out of the registry)
 */
public record PluginInfo(String name, String version, Path location, List<ComponentDescriptor> components) {
    public PluginInfo {
        components = List.copyOf(components);
    }
}
