package io.tributary.plugins.replay;

import java.nio.file.Path;

/** One file to replay and the format it is read in (never {@link ReplayFormat#AUTO}). */
record ReplayFile(Path path, ReplayFormat format) {

    @Override
    public String toString() {
        return path + " (" + format.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
