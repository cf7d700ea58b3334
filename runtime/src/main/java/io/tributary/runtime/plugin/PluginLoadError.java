package io.tributary.runtime.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something in the plugins directory that could not be loaded. The other plugins still load.
 *
 * @param location the jar or folder at fault
 * @param plugin   the plugin's name when it got that far, else null
 * @param message  what went wrong, in one line
 * @param cause    the exception, if any
 */
public record PluginLoadError(Path location, String plugin, String message, Throwable cause) {

    public PluginLoadError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code /plugins/broken.jar: not a valid jar file (zip END header not found)}. */
    @Override
    public String toString() {
        return location + (plugin == null ? "" : " (plugin " + plugin + ")") + ": " + message;
    }
}
