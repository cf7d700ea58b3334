package io.tributary.runtime.cli;

import io.tributary.api.dsl.TopologyDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyResolverTest {
    @TempDir
    Path dir;

    private final TopologyResolver resolver = new TopologyResolver(getClass().getClassLoader());

    private Path jar(String serviceFile) throws IOException {
        Path jar = dir.resolve("desks.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(TopologyResolver.SERVICE_FILE));
            j.write(serviceFile.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void nothingMeansTheDefaultDeskWhichMustBeOnTheClassPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(null));
        assertTrue(e.getMessage().startsWith("unknown topology 'default-desk'"), e.getMessage());
    }

    @Test
    void resolvesBuiltInNamesAndClassNames() {
        assertInstanceOf(EchoDesk.class, resolver.resolve("echo-desk"));
        assertInstanceOf(LoopDesk.class, resolver.resolve(LoopDesk.class.getName()));
        IllegalArgumentException notADesk = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(String.class.getName()));
        assertTrue(notADesk.getMessage().contains("does not implement"), notADesk.getMessage());
    }

    @Test
    void readsTheJarsOwnServiceFile() throws IOException {
        Path one = jar("# the desk\n" + LoopDesk.class.getName() + "\n");
        assertInstanceOf(LoopDesk.class, resolver.resolve(one.toString()));

        Path two = jar(LoopDesk.class.getName() + "\n" + EchoDesk.class.getName() + "\n");
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(two.toString()));
        assertTrue(several.getMessage().contains("has several topologies (loop-desk, echo-desk); pick one with"),
                several.getMessage());
        TopologyDefinition picked = resolver.resolve(two + "#echo-desk");
        assertEquals("echo-desk", picked.name());
    }

    @Test
    void jarsWithoutTopologiesOrThatDoNotExistAreNamed() throws IOException {
        Path empty = jar("\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(empty.toString()));
        assertTrue(e.getMessage().contains("names no topology"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(dir.resolve("nope.jar").toString()));
        assertTrue(missing.getMessage().endsWith("nope.jar does not exist"), missing.getMessage());
    }
}
