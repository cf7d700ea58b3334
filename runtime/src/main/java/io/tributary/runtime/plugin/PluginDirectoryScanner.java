package io.tributary.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the plugin bundles of a plugins directory: every {@code *.jar} directly inside it, and
 * every sub-folder (its top-level {@code *.jar} files form one bundle). Other files are ignored;
 * hidden entries too.
 */
final class PluginDirectoryScanner {

    private PluginDirectoryScanner() {
    }

    static List<PluginBundle> scan(Path directory, List<PluginLoadError> errors) {
        List<PluginBundle> bundles = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            errors.add(new PluginLoadError(directory, null, Files.exists(directory)
                    ? "plugins directory is not a directory"
                    : "plugins directory does not exist (build the plugins with 'mvn package', or point "
                    + "--dir / -D" + PluginManager.DIRECTORY_PROPERTY + " / $" + PluginManager.DIRECTORY_ENV
                    + " at a folder of plugin jars)", null));
            return bundles;
        }
        for (Path entry : sortedEntries(directory, errors)) {
            if (isHidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                List<Path> jars = sortedEntries(entry, errors).stream()
                        .filter(p -> isJar(p) && !isHidden(p)).toList();
                if (jars.isEmpty()) {
                    errors.add(new PluginLoadError(entry, null, "plugin folder contains no *.jar file", null));
                } else {
                    bundles.add(new PluginBundle(entry, jars));
                }
            } else if (isJar(entry)) {
                bundles.add(new PluginBundle(entry, List.of(entry)));
            }
        }
        return bundles;
    }

    private static List<Path> sortedEntries(Path directory, List<PluginLoadError> errors) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            errors.add(new PluginLoadError(directory, null, "cannot list directory: " + Causes.describe(e), e));
            return List.of();
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
