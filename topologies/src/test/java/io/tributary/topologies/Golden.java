package io.tributary.topologies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Compares text with {@code src/test/resources/golden/<name>.txt}. After an intended change, rewrite
 * the files with {@code mvn -pl topologies verify -DupdateGolden=true} and review the diff.
 */
final class Golden {
    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        if (Boolean.getBoolean("updateGolden")) {
            Path file = Path.of("src/test/resources/golden", name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".txt")) {
            assertNotNull(in, "no golden file golden/" + name + ".txt; create it with -DupdateGolden=true");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "describe() of " + name + " differs from golden/" + name + ".txt");
        }
    }
}
