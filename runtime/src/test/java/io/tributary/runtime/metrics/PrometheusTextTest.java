package io.tributary.runtime.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test parser is strict: it accepts the format and refuses what breaks it. */
class PrometheusTextTest {

    @Test
    void readsFamiliesSamplesLabelsAndEscapes() {
        Map<String, PrometheusText.Family> f = PrometheusText.parse("""
                # HELP a_total Requests \\\\ seen.\\nSecond line
                # TYPE a_total counter
                a_total{path="/x\\"y\\\\z\\n",code="200"} 3.0 1700000000000
                # TYPE s summary
                s{quantile="0.5"} 1.5e3
                s{quantile="0.99",} +Inf
                s_count 4
                # a free comment
                u NaN
                """);
        assertEquals("counter", f.get("a_total").type);
        assertEquals("Requests \\ seen.\nSecond line", f.get("a_total").help);
        assertEquals(3.0, f.get("a_total").value("a_total", Map.of("path", "/x\"y\\z\n", "code", "200")));
        assertEquals(1500.0, f.get("s").value("s", Map.of("quantile", "0.5")));
        assertEquals(Double.POSITIVE_INFINITY, f.get("s").value("s", Map.of("quantile", "0.99")));
        assertEquals(4.0, f.get("s").value("s_count", Map.of()));
        assertTrue(Double.isNaN(f.get("u").value("u", Map.of())));
    }

    @Test
    void refusesWhatBreaksTheGrammar() {
        String[] bad = {
                "a 1",                                           // no final newline
                "1a 1\n",                                        // bad metric name
                "a{b=1} 1\n",                                    // unquoted label value
                "a{b=\"1\",b=\"2\"} 1\n",                        // duplicate label
                "a{b=\"\\t\"} 1\n",                              // bad escape
                "a 1.2.3\n",                                     // bad value
                "a  1\n",                                        // two spaces
                "# TYPE a counter\n# TYPE a counter\na 1\n",     // second TYPE
                "# TYPE a blob\na 1\n",                          // unknown type
                "# TYPE a counter\na -1\n",                      // negative counter
                "a 1\nb 1\na 2\n",                               // family not contiguous
                "a 1\na 2\n",                                    // duplicate sample
                "a 1\n# TYPE a gauge\n",                         // TYPE after samples
                "# TYPE s summary\ns 1\n",                       // summary without quantile
                "# TYPE h histogram\nh_bucket 1\n",              // bucket without le
                "# TYPE s summary\ns_sum{quantile=\"0.5\"} 1\n", // quantile on _sum
                "# TYPE s summary\ns{quantile=\"2\"} 1\n",       // quantile outside [0, 1]
        };
        for (String text : bad) {
            assertThrows(PrometheusText.ParseException.class, () -> PrometheusText.parse(text), text);
        }
    }
}
