package io.tributary.runtime.cli;

import io.tributary.api.spi.ConfigKey;
import io.tributary.runtime.plugin.ComponentDescriptor;
import io.tributary.runtime.plugin.LoadedPlugins;
import io.tributary.runtime.plugin.PluginInfo;
import io.tributary.runtime.plugin.PluginLoadError;
import io.tributary.runtime.plugin.PluginManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary plugins [--dir DIR]}: lists the plugins in the plugins directory with their
 * versions, jars, components and config keys, then every load error. Exit code 0 when everything
 * loaded, 1 when something did not.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List plugins, their components and config keys, and load errors.")
public final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Plugins directory (default: -D" + PluginManager.DIRECTORY_PROPERTY + ", $"
                    + PluginManager.DIRECTORY_ENV + ", or the nearest " + PluginManager.DEFAULT_FOLDER + " folder).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        Path directory = dir != null ? dir : PluginManager.defaultDirectory();
        try (LoadedPlugins plugins = new PluginManager().load(directory)) {
            print(plugins, out);
            out.flush();
            return plugins.hasErrors() ? 1 : 0;
        }
    }

    static void print(LoadedPlugins plugins, PrintWriter out) {
        out.println("Plugins in " + plugins.directory() + ": " + plugins.plugins().size() + " loaded, "
                + plugins.errors().size() + " error" + (plugins.errors().size() == 1 ? "" : "s"));
        for (PluginInfo plugin : plugins.plugins()) {
            out.println();
            out.println(plugin.name() + " " + plugin.version() + "  (" + plugin.location() + ")");
            int nameWidth = 4;
            int typeWidth = 4;
            int defaultWidth = 4;
            for (ComponentDescriptor component : plugin.components()) {
                for (ConfigKey<?> key : component.configSpec().keys()) {
                    nameWidth = Math.max(nameWidth, key.name().length() + 2);
                    typeWidth = Math.max(typeWidth, key.typeName().length() + 2);
                    defaultWidth = Math.max(defaultWidth, defaultOf(key).length() + 2);
                }
            }
            for (ComponentDescriptor component : plugin.components()) {
                boolean usable = plugins.find(component.kind(), component.name()).orElse(null) == component;
                out.println(("  " + pad(component.kind().label(), 7) + pad(component.name(), 16)
                        + (usable ? "" : "[NOT USABLE: name clash] ") + component.description()).stripTrailing());
                for (ConfigKey<?> key : component.configSpec().keys()) {
                    out.println(("      " + pad(key.name(), nameWidth) + pad(key.typeName(), typeWidth)
                            + pad(defaultOf(key), defaultWidth)
                            + key.description()).stripTrailing());
                }
            }
        }
        if (plugins.hasErrors()) {
            out.println();
            out.println("Load errors:");
            for (PluginLoadError error : plugins.errors()) {
                out.println("  " + error);
            }
        }
    }

    private static String defaultOf(ConfigKey<?> key) {
        if (key.isRequired()) {
            return "required";
        }
        return key.defaultValue() == null ? "(none)" : "default " + key.defaultText();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
