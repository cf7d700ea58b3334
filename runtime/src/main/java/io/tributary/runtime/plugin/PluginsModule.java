package io.tributary.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import java.nio.file.Path;

/**
 * For the runtime's composition root: binds {@link LoadedPlugins}, loaded once from the given
 * directory (or {@link PluginManager#defaultDirectory()}).
 */
public final class PluginsModule extends AbstractModule {

    private final Path directory;

    /** Loads from {@link PluginManager#defaultDirectory()}. */
    public PluginsModule() {
        this(null);
    }

    /** @param directory the plugins directory, or null for the default */
    public PluginsModule(Path directory) {
        this.directory = directory;
    }

    @Provides
    @Singleton
    LoadedPlugins loadedPlugins() {
        return new PluginManager().load(directory == null ? PluginManager.defaultDirectory() : directory);
    }
}
