package io.tributary.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The rule every schema change must pass: each named type of each release must still exist, and
 * data written with it must be readable with the current schema (backward) and data written with
 * the current schema readable with it (forward), because producers and consumers of different
 * releases share topics during a rolling upgrade.
 */
final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** Every named type reachable from the given schemas, by full name. */
    static Map<String, Schema> namedTypes(Iterable<Schema> schemas) {
        Map<String, Schema> byName = new HashMap<>();
        for (Schema schema : schemas) {
            collect(schema, byName);
        }
        return byName;
    }

    private static void collect(Schema schema, Map<String, Schema> byName) {
        switch (schema.getType()) {
            case RECORD -> {
                if (byName.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> collect(f.schema(), byName));
                }
            }
            case ENUM, FIXED -> byName.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), byName);
            case MAP -> collect(schema.getValueType(), byName);
            case UNION -> schema.getTypes().forEach(t -> collect(t, byName));
            default -> { }
        }
    }

    /** One line per violation, naming release, type and Avro's description; empty when compatible. */
    static List<String> problems(Map<String, List<Schema>> released, Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        released.forEach((version, schemas) -> {
            for (Schema old : schemas) {
                Schema now = current.get(old.getFullName());
                if (now == null) {
                    problems.add(version + " " + old.getFullName() + ": released type was removed or renamed");
                    continue;
                }
                describe(problems, version, old.getFullName(), "backward (current reads " + version + ")",
                        SchemaCompatibility.checkReaderWriterCompatibility(now, old));
                describe(problems, version, old.getFullName(), "forward (" + version + " reads current)",
                        SchemaCompatibility.checkReaderWriterCompatibility(old, now));
            }
        });
        return problems;
    }

    private static void describe(List<String> problems, String version, String name, String direction,
                                 SchemaPairCompatibility result) {
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(i -> problems.add(version + " " + name + " " + direction
                    + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage()));
        }
    }
}
