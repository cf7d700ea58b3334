package io.tributary.runtime.plugin;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a real jar during a test: compiles Java sources with {@link JavaCompiler} against the API
 * (and any extra jars), then writes them with an optional {@code META-INF/services} entry.
 */
public final class TestJar {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private String version = "1.0-test";
    private String rawManifest;

    public static TestJar create() {
        return new TestJar();
    }

    /** @param className fully qualified, e.g. {@code com.a.APlugin} */
    TestJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    TestJar classpath(Path jar) {
        classpath.add(jar);
        return this;
    }

    /** Lists {@code provider} in {@code META-INF/services/io.tributary.api.spi.TributaryPlugin}. */
    TestJar service(String provider) {
        services.add(provider);
        return this;
    }

    TestJar version(String value) {
        this.version = value;
        return this;
    }

    /** Writes this text as the manifest, verbatim (to make a broken one). */
    TestJar rawManifest(String text) {
        this.rawManifest = text;
        return this;
    }

    Path writeTo(Path jar) throws IOException {
        Path classes = Files.createTempDirectory("classes");
        if (!sources.isEmpty()) {
            compile(classes);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = rawManifest == null ? new JarOutputStream(file, manifest()) : new JarOutputStream(file)) {
            if (rawManifest != null) {
                out.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
                out.write(rawManifest.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry(BundleLoader.SERVICE_FILE));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        return manifest;
    }

    private void compile(Path classes) throws IOException {
        Path src = Files.createTempDirectory("src");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", compileClasspath());
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("test plugin does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(Object::toString)
                        .collect(Collectors.joining("\n")));
            }
        }
    }

    private String compileClasspath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(io.tributary.api.spi.TributaryPlugin.class, jakarta.inject.Inject.class,
                org.slf4j.Logger.class, com.google.inject.Module.class)) {
            entries.add(locationOf(type).toString());
        }
        classpath.forEach(p -> entries.add(p.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
