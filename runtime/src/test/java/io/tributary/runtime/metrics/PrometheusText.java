package io.tributary.runtime.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests. No maintained Java
 * parser of this format is published on Maven Central (the Prometheus Java client only writes it),
 * so this one checks the grammar itself and fails with the line number on anything off:
 * <ul>
 *   <li>{@code # HELP name text} and {@code # TYPE name counter|gauge|histogram|summary|untyped},
 *       at most one of each per family, TYPE before the family's samples;</li>
 *   <li>samples {@code name{label="value",...} value [timestamp]} with valid metric and label names,
 *       escapes {@code \\ \" \n} only, no duplicate label names, Go float values (NaN, +Inf, -Inf);</li>
 *   <li>sample names fit their family's type ({@code _total} for counters is the family name itself
 *       in 0.0.4; {@code _sum}, {@code _count} and {@code quantile} for summaries; {@code _bucket}
 *       with {@code le} for histograms), samples of a family are contiguous, and no sample (name and
 *       labels) appears twice; the text ends with a newline.</li>
 * </ul>
 */
final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static final class Family {
        final String name;
        String type = "untyped";
        String help;
        final List<Sample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }

        /** The value of the only sample named {@code sample} with exactly these labels. */
        double value(String sample, Map<String, String> labels) {
            for (Sample s : samples) {
                if (s.name.equals(sample) && s.labels.equals(labels)) {
                    return s.value;
                }
            }
            throw new AssertionError("no sample " + sample + labels + " in family " + name + ": " + samples);
        }
    }

    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(int line, String message, String text) {
            super("line " + line + ": " + message + ": " + text);
        }
    }

    private PrometheusText() {
    }

    /** Families by name, in order of appearance. */
    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new ParseException(text.split("\n", -1).length, "exposition must end with a newline", "");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> seenSamples = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> typed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            int n = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && parts[0].equals("#") && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = parts[2];
                    if (!METRIC_NAME.matcher(name).matches()) {
                        throw new ParseException(n, "bad metric name in " + parts[1], line);
                    }
                    if (closed.contains(name)) {
                        throw new ParseException(n, parts[1] + " for a family whose samples already ended", line);
                    }
                    Family f = families.computeIfAbsent(name, Family::new);
                    if (current != null && !current.equals(name)) {
                        closed.add(current);
                    }
                    current = name;
                    if (parts[1].equals("HELP")) {
                        if (!helped.add(name)) {
                            throw new ParseException(n, "second HELP", line);
                        }
                        f.help = parts.length == 4 ? unescapeHelp(parts[3], n, line) : "";
                    } else {
                        if (parts.length != 4 || !TYPES.contains(parts[3])) {
                            throw new ParseException(n, "TYPE must be one of " + TYPES, line);
                        }
                        if (!typed.add(name)) {
                            throw new ParseException(n, "second TYPE", line);
                        }
                        if (!f.samples.isEmpty()) {
                            throw new ParseException(n, "TYPE after samples", line);
                        }
                        f.type = parts[3];
                    }
                }
                continue; // any other comment
            }
            Sample s = sample(line, n);
            String family = familyOf(s, families);
            Family f = families.computeIfAbsent(family, Family::new);
            if (closed.contains(family)) {
                throw new ParseException(n, "samples of " + family + " are not contiguous", line);
            }
            if (current != null && !current.equals(family)) {
                closed.add(current);
            }
            current = family;
            checkFitsType(f, s, n, line);
            if (!seenSamples.add(s.name + s.labels)) {
                throw new ParseException(n, "duplicate sample", line);
            }
            f.samples.add(s);
        }
        return families;
    }

    private static String familyOf(Sample s, Map<String, Family> families) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (s.name.endsWith(suffix)) {
                String base = s.name.substring(0, s.name.length() - suffix.length());
                Family f = families.get(base);
                if (f != null && (f.type.equals("summary") || f.type.equals("histogram"))) {
                    return base;
                }
            }
        }
        return s.name;
    }

    private static void checkFitsType(Family f, Sample s, int n, String line) {
        switch (f.type) {
            case "counter", "gauge", "untyped" -> {
                if (!s.name.equals(f.name)) {
                    throw new ParseException(n, "sample name differs from its " + f.type + " family " + f.name, line);
                }
                if (f.type.equals("counter") && (s.value < 0 || Double.isNaN(s.value))) {
                    throw new ParseException(n, "a counter must be a non-negative number", line);
                }
            }
            case "summary" -> {
                boolean quantile = s.name.equals(f.name);
                if (quantile && !s.labels.containsKey("quantile")) {
                    throw new ParseException(n, "summary sample without quantile label", line);
                }
                if (!quantile && s.labels.containsKey("quantile")) {
                    throw new ParseException(n, "quantile label on " + s.name, line);
                }
                if (quantile) {
                    double q = parseValue(s.labels.get("quantile"), n, line);
                    if (!(q >= 0 && q <= 1)) {
                        throw new ParseException(n, "quantile outside [0, 1]", line);
                    }
                }
            }
            case "histogram" -> {
                if (s.name.equals(f.name + "_bucket") != s.labels.containsKey("le")) {
                    throw new ParseException(n, "histogram buckets (and only they) carry le", line);
                }
            }
            default -> throw new ParseException(n, "unknown type " + f.type, line);
        }
    }

    private static Sample sample(String line, int n) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new ParseException(n, "bad metric name '" + name + "'", line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i < line.length() && line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new ParseException(n, "label without '='", line);
                }
                String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new ParseException(n, "bad label name '" + label + "'", line);
                }
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new ParseException(n, "label value must be quoted", line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    if (j >= line.length()) {
                        throw new ParseException(n, "unterminated label value", line);
                    }
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = j + 1 < line.length() ? line.charAt(++j) : ' ';
                        switch (e) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new ParseException(n, "bad escape \\" + e, line);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new ParseException(n, "duplicate label " + label, line);
                }
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                } else if (i >= line.length() || line.charAt(i) != '}') {
                    throw new ParseException(n, "expected ',' or '}' after a label", line);
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new ParseException(n, "expected one space before the value", line);
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            throw new ParseException(n, "expected a value and an optional timestamp", line);
        }
        double value = parseValue(rest[0], n, line);
        if (rest.length == 2 && !rest[1].matches("-?[0-9]+")) {
            throw new ParseException(n, "bad timestamp", line);
        }
        return new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    private static double parseValue(String text, int n, String line) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!text.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                    throw new ParseException(n, "bad value '" + text + "'", line);
                }
                return Double.parseDouble(text);
        }
    }

    private static String unescapeHelp(String text, int n, String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char e = i + 1 < text.length() ? text.charAt(++i) : ' ';
                switch (e) {
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    default -> throw new ParseException(n, "bad escape in HELP \\" + e, line);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
