package io.tributary.runtime.cli;

import io.tributary.api.dsl.Route;
import io.tributary.api.dsl.Topology;
import io.tributary.api.graph.NodeDescription;
import io.tributary.api.graph.PluginRef;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.TributaryConfig;
import io.tributary.runtime.plugin.LoadedPlugins;
import io.tributary.runtime.plugin.PluginLoadError;
import io.tributary.runtime.plugin.PluginManager;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code run} and {@code describe} get their plugins: {@code --plugins DIR} or the default directory. */
final class PluginOptions {
    static final String SETTING = "tributary.plugins.dir";

    private PluginOptions() {
    }

    /** The directory to load: {@code option} if given, else {@link PluginManager#defaultDirectory()}. */
    static Path directory(Path option) {
        return directory(option, null);
    }

    /**
     * {@code option} if given, else the setting {@code tributary.plugins.dir} (a config file or
     * {@code -Dtributary.plugins.dir}) if not blank, else {@link PluginManager#defaultDirectory()}.
     */
    static Path directory(Path option, TributaryConfig config) {
        Path chosen = option;
        if (chosen == null && config != null) {
            String setting = config.raw().getString(SETTING);
            chosen = setting.isBlank() ? null : Path.of(setting);
        }
        return (chosen != null ? chosen : PluginManager.defaultDirectory()).toAbsolutePath().normalize();
    }

    /** Loads {@code directory}, printing each load error as a warning (the other plugins still load). */
    static LoadedPlugins load(Path directory, PrintWriter err) {
        LoadedPlugins plugins = new PluginManager().load(directory);
        for (PluginLoadError e : plugins.errors()) {
            err.println("warning: plugin not loaded: " + e);
        }
        err.flush();
        return plugins;
    }

    /**
     * A catalog that knows exactly the names {@code topology} refers to and runs none of them: for
     * describing a topology where no plugins directory exists.
     */
    static PluginCatalog namesOf(Topology topology) {
        PluginCatalog.Builder catalog = PluginCatalog.builder();
        for (NodeDescription node : topology.describe().nodes()) {
            PluginRef ref = node.plugin();
            if (ref == null) {
                continue;
            }
            switch (ref.kind()) {
                case VENUE -> catalog.venue(ref.name(), r -> (key, value, lane, topic) -> { });
                case SINK -> catalog.sink(ref.name(), r -> (key, value, lane, topic) -> { });
                case POLICY -> catalog.policy(ref.name(), r -> value -> (Route) null);
                default -> throw new IllegalStateException("unknown plugin kind " + ref.kind());
            }
        }
        return catalog.build();
    }

    static boolean exists(Path directory) {
        return Files.isDirectory(directory);
    }
}
