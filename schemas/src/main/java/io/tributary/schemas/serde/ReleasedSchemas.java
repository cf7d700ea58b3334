package io.tributary.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The schemas of past releases, shipped in the jar under {@value #RESOURCE_ROOT} (the source copy
 * is {@code schemas/src/test/resources/released/}). {@value #INDEX} lists every file as
 * {@code <version>/<path>.avsc}, one per line, shared types before the schemas that use them;
 * each release is parsed on its own, so one release's types never leak into another's.
 */
public final class ReleasedSchemas {

    /** Class-path folder of the released schemas. */
    public static final String RESOURCE_ROOT = "io/tributary/schemas/released/";
    /** Name of the index file inside {@link #RESOURCE_ROOT}. */
    public static final String INDEX = "index.txt";

    private ReleasedSchemas() {
    }

    /**
     * Top-level schemas of every release, by version, in index order.
     *
     * @throws IllegalStateException naming the file when a listed file is missing or does not parse
     */
    public static Map<String, List<Schema>> load(ClassLoader loader) {
        return load(loader, RESOURCE_ROOT);
    }

    /** As {@link #load(ClassLoader)}, from another class-path folder (ending in '/'). */
    public static Map<String, List<Schema>> load(ClassLoader loader, String root) {
        Map<String, Schema.Parser> parsers = new LinkedHashMap<>();
        Map<String, List<Schema>> byVersion = new LinkedHashMap<>();
        for (String entry : readIndex(loader, root)) {
            int slash = entry.indexOf('/');
            if (slash <= 0 || !entry.endsWith(".avsc")) {
                throw new IllegalStateException(root + INDEX + ": entry '" + entry
                        + "' is not of the form <version>/<path>.avsc");
            }
            String version = entry.substring(0, slash);
            Schema.Parser parser = parsers.computeIfAbsent(version, v -> new Schema.Parser());
            String resource = root + entry;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(root + INDEX + " lists " + entry + " but " + resource
                            + " is not on the class path");
                }
                byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(parser.parse(in));
            } catch (IOException | SchemaParseException e) {
                throw new IllegalStateException("cannot parse released schema " + resource + ": " + e.getMessage(), e);
            }
        }
        byVersion.replaceAll((v, list) -> Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(byVersion);
    }

    /** The entries of the index: blank lines and lines starting with '#' skipped. Empty if there is no index. */
    public static List<String> readIndex(ClassLoader loader, String root) {
        List<String> entries = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(root + INDEX)) {
            if (in == null) {
                return entries;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    entries.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + INDEX, e);
        }
        return entries;
    }
}
