package io.tributary.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * A component's configuration is wrong. The message names the component and every offending key:
 * <pre>
 * invalid config for venue 'sim':
 *   - key 'venues': expected a list of strings, got 42 (Integer)
 *   - unknown key 'seeed' (did you mean 'seed'?)
 * </pre>
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong.
     *
     * @param key     the key at fault
     * @param message what is wrong with it
     */
    public record Problem(String key, String message) {
        public Problem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "key '" + key + "': " + message;
        }
    }

    private final String component;
    private final transient List<Problem> problems;

    public ConfigException(String component, List<Problem> problems) {
        super(format(component, problems));
        this.component = component;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String component, String key, String message) {
        this(component, List.of(new Problem(key, message)));
    }

    /** The component whose config this is, e.g. {@code venue 'sim'}. */
    public String component() {
        return component;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String component, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid config for " + component + ": " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("invalid config for ").append(component).append(':');
        for (Problem problem : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return sb.toString();
    }
}
