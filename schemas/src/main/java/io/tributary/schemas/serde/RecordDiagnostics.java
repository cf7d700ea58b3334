package io.tributary.schemas.serde;

import java.util.Collection;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Finds which field made a record unencodable, for the error message only (never on the hot path). */
final class RecordDiagnostics {

    private RecordDiagnostics() {
    }

    /** The path of the first required field that is null ({@code deltas[2].price}), or null if none is. */
    static String firstMissingField(IndexedRecord record) {
        return missing(record.getSchema(), record, "");
    }

    private static String missing(Schema schema, Object value, String path) {
        if (value == null) {
            return nullable(schema) ? null : (path.isEmpty() ? "<record>" : path);
        }
        switch (schema.getType()) {
            case RECORD:
                if (!(value instanceof IndexedRecord record)) {
                    return null;
                }
                for (Schema.Field field : schema.getFields()) {
                    String found = missing(field.schema(), record.get(field.pos()),
                            path.isEmpty() ? field.name() : path + "." + field.name());
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            case ARRAY:
                if (value instanceof Collection<?> items) {
                    int i = 0;
                    for (Object item : items) {
                        String found = missing(schema.getElementType(), item, path + "[" + i++ + "]");
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() == Schema.Type.RECORD && value instanceof IndexedRecord r
                            && r.getSchema().getFullName().equals(branch.getFullName())) {
                        return missing(branch, value, path);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean nullable(Schema schema) {
        if (schema.getType() == Schema.Type.NULL) {
            return true;
        }
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }
}
