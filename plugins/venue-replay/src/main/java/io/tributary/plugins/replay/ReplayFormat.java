package io.tributary.plugins.replay;

import java.nio.file.Path;
import java.util.Locale;

/** How a replay file is read: {@code auto} picks by extension ({@code .avro} is Avro, anything else CSV). */
enum ReplayFormat {
    AUTO, CSV, AVRO;

    /** The format to read {@code file} with: this one, or for {@link #AUTO} the one its extension names. */
    ReplayFormat resolve(Path file) {
        if (this != AUTO) {
            return this;
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avro") ? AVRO : CSV;
    }
}
