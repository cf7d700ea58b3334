package io.tributary.runtime.transport;

import io.tributary.runtime.transport.redis.LocalRedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificate authorities and server certificates for the TLS tests, made with the
 * {@code openssl} command (PEM files, as redis-server and Kafka want them) and turned into PKCS12
 * trust stores with the KeyStore API (as Tributary's Redis {@code tls.truststore} and Kafka's
 * {@code ssl.truststore.location} take them).
 */
public final class TestCertificates {
    private static final List<String> EC_KEY = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes");

    /** A CA's PEM certificate and key. */
    public record Ca(String name, Path cert, Path key) {
    }

    private final Path dir;
    private int serial = 1;

    public TestCertificates(Path dir) {
        this.dir = dir;
        requireOpenssl();
    }

    /** Fails, saying what to install, when there is no {@code openssl} on the PATH. */
    public static void requireOpenssl() {
        String path = String.valueOf(System.getenv("PATH"));
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "openssl"))) {
                return;
            }
        }
        throw new AssertionError("the TLS tests make their certificates with the openssl command, and there is none on"
                + " the PATH (" + path + "): install it (Debian/Ubuntu: apt-get install openssl; macOS: brew install openssl)");
    }

    /** An openssl request config for common name {@code cn} with one extensions section. */
    private Path requestConfig(String file, String cn, String section, String extensions) throws IOException {
        return write(file, """
                [req]
                distinguished_name = dn
                prompt = no
                [dn]
                CN = %s
                [%s]
                """.formatted(cn, section) + extensions);
    }

    /** A self-signed CA called {@code name}. */
    public Ca ca(String name) throws IOException {
        Path cnf = requestConfig(name + "-ca.cnf", name, "v3_ca", """
                basicConstraints = critical,CA:TRUE
                keyUsage = critical,keyCertSign,cRLSign
                subjectKeyIdentifier = hash
                """);
        Path cert = dir.resolve(name + "-ca.crt");
        Path key = dir.resolve(name + "-ca.key");
        List<String> cmd = new ArrayList<>(List.of("req", "-x509", "-config", cnf.toString(), "-extensions", "v3_ca"));
        cmd.addAll(EC_KEY);
        cmd.addAll(List.of("-keyout", key.toString(), "-out", cert.toString(), "-days", "2"));
        openssl(cmd);
        return new Ca(name, cert, key);
    }

    /**
     * A server certificate signed by {@code ca} for {@code subjectAltNames} (e.g. {@code DNS:localhost,IP:127.0.0.1}),
     * as the TLS files of a {@link LocalRedisServer}.
     */
    public LocalRedisServer.Tls server(Ca ca, String name, String subjectAltNames) throws IOException {
        Path cnf = requestConfig(name + ".cnf", name, "v3_srv", """
                basicConstraints = CA:FALSE
                keyUsage = critical,digitalSignature
                extendedKeyUsage = serverAuth
                subjectAltName = %s
                """.formatted(subjectAltNames));
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        List<String> req = new ArrayList<>(List.of("req", "-new", "-config", cnf.toString()));
        req.addAll(EC_KEY);
        req.addAll(List.of("-keyout", key.toString(), "-out", csr.toString()));
        openssl(req);
        openssl(List.of("x509", "-req", "-in", csr.toString(), "-CA", ca.cert().toString(), "-CAkey", ca.key().toString(),
                "-set_serial", String.valueOf(serial++), "-days", "2", "-extfile", cnf.toString(), "-extensions", "v3_srv",
                "-out", cert.toString()));
        return new LocalRedisServer.Tls(cert, key, ca.cert());
    }

    /** A PKCS12 trust store holding {@code ca}'s certificate, protected by {@code password}. */
    public Path truststore(Ca ca, String password) throws IOException, GeneralSecurityException {
        Certificate cert;
        try (InputStream in = Files.newInputStream(ca.cert())) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(ca.name(), cert);
        Path file = dir.resolve(ca.name() + "-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** One PEM file holding {@code server}'s private key, then its certificate, as Kafka's PEM key store wants. */
    public Path keyAndCertificate(LocalRedisServer.Tls server) throws IOException {
        Path file = dir.resolve(server.certFile().getFileName() + ".key-and-cert.pem");
        Files.writeString(file, Files.readString(server.keyFile()) + Files.readString(server.certFile()));
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void openssl(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
    }
}
