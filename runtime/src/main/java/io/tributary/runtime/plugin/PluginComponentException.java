package io.tributary.runtime.plugin;

/**
 * A plugin component failed in a life-cycle call (create, connect, subscribe, open). The message
 * names the component, its plugin and jar, and the cause. Failures in per-message calls are not
 * thrown but counted (see {@link ComponentFailures}).
 */
public final class PluginComponentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginComponentException(String message, Throwable cause) {
        super(message, cause);
    }
}
