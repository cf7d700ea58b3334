package io.tributary.runtime.config;

import java.util.Objects;

/**
 * One invalid setting.
 *
 * @param path    the key path, e.g. {@code tributary.executor.maxWorkers}
 * @param message what was expected and what was found, with where it came from
 */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
