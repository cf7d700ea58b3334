package io.tributary.runtime.plugin;

import io.tributary.api.spi.ConfigException;

import java.util.concurrent.Callable;

/** Runs life-cycle calls into plugin code: plugin class loader as context, failures counted and named. */
final class Guard {

    private Guard() {
    }

    interface Action {
        void run() throws Exception;
    }

    /** Calls {@code call}; a {@link ConfigException} passes through, anything else is counted and wrapped. */
    @SuppressWarnings("try") // the resource only scopes the context class loader
    static <T> T lifecycle(ComponentDescriptor component, String operation, Callable<T> call) {
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(component.classLoader())) {
            T result = call.call();
            if (result == null) {
                throw new NullPointerException(operation + " returned null");
            }
            return result;
        } catch (ConfigException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            component.failures().record(operation, e);
            throw new PluginComponentException(component + " failed in " + operation + ": " + Causes.describe(e), e);
        }
    }

    static void lifecycle(ComponentDescriptor component, String operation, Action action) {
        lifecycle(component, operation, () -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    /** For shutdown calls: a failure is counted and logged, never thrown, so the rest still shuts down. */
    @SuppressWarnings("try") // the resource only scopes the context class loader
    static void quietly(ComponentDescriptor component, String operation, Action action) {
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(component.classLoader())) {
            action.run();
        } catch (Exception | LinkageError e) {
            component.failures().record(operation, e);
        }
    }
}
