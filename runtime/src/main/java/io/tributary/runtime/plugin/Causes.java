package io.tributary.runtime.plugin;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceConfigurationError;

/** Turns exception chains into the one line a user needs. */
final class Causes {

    private Causes() {
    }

    /** The deepest cause; a linkage error is kept rather than its ClassNotFoundException. */
    static Throwable root(Throwable error) {
        Throwable current = error;
        while (!(current instanceof LinkageError) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * {@code IllegalStateException: boom}; for a wrapper (ServiceLoader, reflection, Guice) the
     * wrapper's own message followed by the root cause.
     */
    static String describe(Throwable error) {
        Throwable root = root(error);
        String rootText = oneLine(root);
        if (error instanceof ServiceConfigurationError && root == error) {
            return strip(error.getMessage());
        }
        if (root == error) {
            return rootText;
        }
        if (error instanceof ServiceConfigurationError || error instanceof InvocationTargetException) {
            String own = error.getMessage();
            if (own != null && !own.isBlank() && !own.contains(rootText)) {
                return strip(own) + ": " + rootText;
            }
        }
        return rootText;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
            return name + ": " + message + " (a class the plugin needs is in none of its jars)";
        }
        return message == null || message.isBlank() ? name : name + ": " + firstLine(message);
    }

    private static String strip(String serviceLoaderMessage) {
        String prefix = io.tributary.api.spi.TributaryPlugin.class.getName() + ": ";
        return serviceLoaderMessage.startsWith(prefix) ? serviceLoaderMessage.substring(prefix.length()) : serviceLoaderMessage;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
