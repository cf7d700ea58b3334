package io.tributary.runtime.compile;

import java.util.List;

/** Every problem found in a topology, reported at once. */
public final class TopologyValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String topology;
    private final transient List<Problem> problems;

    public TopologyValidationException(String topology, List<Problem> problems) {
        super(format(topology, problems));
        this.topology = topology;
        this.problems = List.copyOf(problems);
    }

    public String topology() {
        return topology;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String topology, List<Problem> problems) {
        StringBuilder b = new StringBuilder("topology '").append(topology).append("' is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (int i = 0; i < problems.size(); i++) {
            String indented = problems.get(i).toString().replace("\n", "\n     ");
            b.append("\n  ").append(i + 1).append(". ").append(indented);
        }
        return b.toString();
    }
}
