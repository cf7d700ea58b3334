package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The build-time compatibility gate: {@code mvn verify} fails when a schema under
 * {@code src/main/avro} can no longer read, or be read by, a released version kept under
 * {@code src/test/resources/released/}.
 */
class ReleasedSchemaCompatibilityTest {

    private static final Path RELEASED_DIR = Path.of("src/test/resources/released");
    private static final Path SOURCE_DIR = Path.of("src/main/avro");

    private static Map<String, List<Schema>> released() {
        return ReleasedSchemas.load(ReleasedSchemaCompatibilityTest.class.getClassLoader());
    }

    private static Map<String, Schema> current() {
        return SchemaCompatibilityCheck.namedTypes(
                MessageTypes.all().stream().map(t -> SpecificData.get().getSchema(t)).toList());
    }

    @Test
    void currentSchemasAreCompatibleWithEveryRelease() {
        Map<String, List<Schema>> released = released();
        assertTrue(released.containsKey("0.1.0"), "release 0.1.0 is kept: " + released.keySet());
        List<String> problems = SchemaCompatibilityCheck.problems(released, current());
        assertEquals(List.of(), problems, () -> "incompatible schema change (see docs/schemas.md, 'Evolution'):\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void checkerCatchesAnIncompatibleChange() throws IOException {
        Map<String, Schema> current = new HashMap<>(current());
        Schema broken;
        try (InputStream in = getClass().getResourceAsStream("/incompatible/QuoteTick.avsc")) {
            broken = new Schema.Parser().parse(in);
        }
        current.put(broken.getFullName(), broken);

        List<String> problems = SchemaCompatibilityCheck.problems(released(), current);

        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.contains("io.tributary.schemas.QuoteTick")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("backward") && p.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                && p.contains("venueSequence")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("TYPE_MISMATCH")), problems::toString);
    }

    @Test
    void checkerCatchesARemovedTypeAndAcceptsAnAddedFieldWithDefault() throws IOException {
        Map<String, Schema> current = new HashMap<>(current());
        current.remove("io.tributary.schemas.Alert");
        try (InputStream in = getClass().getResourceAsStream("/evolution/QuoteTick-v2.avsc")) {
            Schema v2 = new Schema.Parser().parse(in);
            current.put(v2.getFullName(), v2);
        }
        List<String> problems = SchemaCompatibilityCheck.problems(released(), current);
        assertEquals(List.of("0.1.0 io.tributary.schemas.Alert: released type was removed or renamed"), problems);
    }

    @Test
    void indexListsExactlyTheReleasedFilesOnDisk() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(RELEASED_DIR)) {
            onDisk = files.filter(p -> p.toString().endsWith(".avsc"))
                    .map(p -> RELEASED_DIR.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> indexed = new TreeSet<>(ReleasedSchemas.readIndex(getClass().getClassLoader(), "released/"));
        assertFalse(onDisk.isEmpty());
        assertEquals(onDisk, indexed, "released/index.txt must list every released .avsc file");
        // and the jar ships the same index
        assertEquals(indexed, new TreeSet<>(ReleasedSchemas.readIndex(getClass().getClassLoader(),
                ReleasedSchemas.RESOURCE_ROOT)));
    }

    @Test
    void everyTopLevelRecordFileIsARegisteredMessageType() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        List<Schema> topLevel = new ArrayList<>();
        for (Path file : avscFiles(SOURCE_DIR.resolve("common"))) {
            topLevel.add(parser.parse(file.toFile()));
        }
        for (Path file : avscFiles(SOURCE_DIR)) {
            topLevel.add(parser.parse(file.toFile()));
        }
        Set<String> records = topLevel.stream().filter(s -> s.getType() == Schema.Type.RECORD)
                .map(Schema::getFullName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = MessageTypes.all().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(records, registered, "MessageTypes must list every top-level record schema");
    }

    private static List<Path> avscFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }
}
