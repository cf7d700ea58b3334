package io.tributary.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the workloads as a table and writes {@code {"W1": {...}, ...}} JSON. */
public final class SuiteReport {
    private final String suite;
    private final List<WorkloadReport> workloads = new ArrayList<>();

    public SuiteReport(String suite) {
        this.suite = suite;
    }

    public void add(WorkloadReport workload) {
        workloads.add(workload);
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("== tributary bench %s — %s, %d cores, %s ==%n", suite, System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (WorkloadReport w : workloads) {
            out.println();
            out.printf("%s  %s%n", w.id(), w.title());
            for (Map.Entry<String, Double> f : w.figures().entrySet()) {
                out.printf(Locale.ROOT, "    %-48s %16s%n", f.getKey(), format(f.getValue()));
            }
            for (Map.Entry<String, Double> v : w.vs().entrySet()) {
                out.printf(Locale.ROOT, "    vs %-45s %15.2fx%n", v.getKey(), v.getValue());
            }
            for (WorkloadReport.Target t : w.targets()) {
                out.printf(Locale.ROOT, "    [%s] %-60s %s%n", t.met() ? "met " : "MISS", t.description(),
                        format(t.measured()));
            }
        }
        out.println();
    }

    /** Prints the report, then writes it as JSON to {@code json} unless that is null (what every suite ends with). */
    public void publish(Path json) throws IOException {
        print(System.out);
        if (json != null) {
            writeJson(json);
            System.out.println("wrote " + json);
        }
    }

    public void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        for (WorkloadReport w : workloads) {
            ObjectNode node = root.putObject(w.id());
            node.put("title", w.title());
            w.figures().forEach(node::put);
            ObjectNode vs = node.putObject("vs");
            w.vs().forEach(vs::put);
            var targets = node.putArray("targets");
            for (WorkloadReport.Target t : w.targets()) {
                targets.addObject().put("target", t.description()).put("measured", t.measured()).put("met", t.met());
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), root);
    }

    private static String format(double value) {
        if (value != 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 0.01)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
