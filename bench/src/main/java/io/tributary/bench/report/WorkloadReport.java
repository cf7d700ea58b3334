package io.tributary.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload's results: raw figures, ratios against peers (above 1 = Tributary better) and the
 * targets with whether each was met. Serialized to the {@code --json} file as-is.
 */
public final class WorkloadReport {
    private final String id;
    private final String title;
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, Double> vs = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();

    public WorkloadReport(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A measured value; the name carries its unit, e.g. {@code tributary.handle.ns_per_op}. */
    public WorkloadReport figure(String name, double value) {
        figures.put(name, value);
        return this;
    }

    /** Ratio against a peer, oriented so that above 1 means Tributary is better. */
    public WorkloadReport vs(String peer, double ratio) {
        vs.put(peer, ratio);
        return this;
    }

    public WorkloadReport target(String description, double measured, boolean met) {
        targets.add(new Target(description, measured, met));
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Map<String, Double> figures() {
        return figures;
    }

    public Map<String, Double> vs() {
        return vs;
    }

    public List<Target> targets() {
        return targets;
    }

    public record Target(String description, double measured, boolean met) {
    }
}
