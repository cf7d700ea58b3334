package io.tributary.bench.serde;

import io.tributary.bench.JmhRunner;
import io.tributary.bench.report.SuiteReport;
import io.tributary.bench.report.WorkloadReport;

import java.nio.file.Path;
import java.util.Map;

/** {@code ./tributary bench serde}: Avro single-object round trip of a quote against Jackson JSON. */
public final class SerdeSuite {
    private final boolean quick;

    public SerdeSuite(boolean quick) {
        this.quick = quick;
    }

    public int run(Path json) throws Exception {
        JmhRunner.progress("S1 quote encode+decode, Avro vs Jackson (JMH with gc profiler)");
        Map<String, JmhRunner.Score> r = new JmhRunner(quick).run(SerdeBenchmark.class.getName());
        JmhRunner.Score avro = r.get("avroRoundTrip");
        JmhRunner.Score jackson = r.get("jsonRoundTrip");
        double ratio = avro.score() / jackson.score();
        WorkloadReport w = new WorkloadReport("S1", "quote encode+decode round trip, ops/s")
                .figure("avro.ops_per_s", avro.score())
                .figure("avro.bytes_per_op", avro.bytesPerOp())
                .figure("jackson_json.ops_per_s", jackson.score())
                .figure("jackson_json.bytes_per_op", jackson.bytesPerOp())
                .vs("jackson_json", ratio)
                .target(">= 3x Jackson JSON", ratio, ratio >= 3);
        SuiteReport report = new SuiteReport("serde" + (quick ? " --quick" : ""));
        report.add(w);
        report.publish(json);
        return 0;
    }
}
