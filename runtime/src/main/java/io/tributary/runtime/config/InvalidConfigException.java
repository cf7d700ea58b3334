package io.tributary.runtime.config;

import java.util.List;

/** Every invalid setting of a configuration, reported at once. */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        StringBuilder b = new StringBuilder("invalid configuration (").append(problems.size())
                .append(problems.size() == 1 ? " error):" : " errors):");
        for (ConfigProblem problem : problems) {
            b.append("\n  ").append(problem);
        }
        return b.toString();
    }
}
