package io.tributary.runtime.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * What gets one class loader: a single jar in the plugins directory, or a folder of jars.
 *
 * @param location the jar or the folder, as errors name it
 * @param jars     the jars, sorted by name
 */
record PluginBundle(Path location, List<Path> jars) {
    PluginBundle {
        jars = List.copyOf(jars);
    }

    String name() {
        return location.getFileName().toString();
    }
}
