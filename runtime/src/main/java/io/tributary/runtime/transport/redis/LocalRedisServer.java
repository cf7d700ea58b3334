package io.tributary.runtime.transport.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on 127.0.0.1, started as a child process for tests, benchmarks and
 * {@code run --transport redis} without an address. It runs the {@code redis-server} on the PATH,
 * else the binary bundled in embedded-redis (Redis 6.2); with neither it fails saying so.
 *
 * <pre>{@code
 * try (LocalRedisServer redis = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
 *     String address = redis.address();     // redis://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>{@link #kill()} ends it with SIGKILL and {@link #restart()} starts it again on the same port
 * (with {@link Options#appendOnlyDir} set the data survive: {@code appendonly yes},
 * {@code appendfsync always}). With {@link Options#withTls} it listens for TLS only
 * ({@code --port 0 --tls-port PORT}) and {@link #address()} is {@code rediss://127.0.0.1:PORT}; that
 * needs a {@code redis-server} built with TLS (Debian's is).
 */
public final class LocalRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRedisServer.class);
    private static final String READY = "Ready to accept connections";

    /**
     * @param port          0: a free port
     * @param password      null: no {@code requirepass}
     * @param appendOnlyDir null: no persistence ({@code --save '' --appendonly no}); else AOF in this
     *                      directory with {@code appendfsync always}
     * @param startTimeout  how long to wait for "Ready to accept connections"
     * @param tls           null: plain TCP; else TLS only, with this certificate
     */
    public record Options(int port, String password, Path appendOnlyDir, Duration startTimeout, Tls tls) {
        public Options(int port, String password, Path appendOnlyDir, Duration startTimeout) {
            this(port, password, appendOnlyDir, startTimeout, null);
        }

        public static Options defaults() {
            return new Options(0, null, null, Duration.ofSeconds(20), null);
        }

        public Options withPassword(String value) {
            return new Options(port, value, appendOnlyDir, startTimeout, tls);
        }

        public Options withAppendOnly(Path dir) {
            return new Options(port, password, dir, startTimeout, tls);
        }

        public Options withPort(int value) {
            return new Options(value, password, appendOnlyDir, startTimeout, tls);
        }

        public Options withTls(Tls value) {
            return new Options(port, password, appendOnlyDir, startTimeout, value);
        }
    }

    /**
     * The server side of TLS ({@code --tls-cert-file}, {@code --tls-key-file}, {@code --tls-ca-cert-file},
     * PEM files). Clients are not asked for a certificate ({@code --tls-auth-clients no}).
     */
    public record Tls(Path certFile, Path keyFile, Path caCertFile) {
        public Tls {
            java.util.Objects.requireNonNull(certFile, "certFile");
            java.util.Objects.requireNonNull(keyFile, "keyFile");
            java.util.Objects.requireNonNull(caCertFile, "caCertFile");
        }
    }

    private final Options options;
    private final String executable;
    private final int port;
    private Process process;

    private LocalRedisServer(Options options, String executable, int port) {
        this.options = options;
        this.executable = executable;
        this.port = port;
    }

    /** Starts a server; throws {@link IllegalStateException} naming what is missing if it cannot. */
    public static LocalRedisServer start(Options options) {
        String executable = executable();
        int port = options.port() == 0 ? freePort() : options.port();
        LocalRedisServer server = new LocalRedisServer(options, executable, port);
        server.launch();
        return server;
    }

    /** The {@code redis-server} on the PATH, if one is installed. */
    public static Optional<String> installed() {
        return installed(System.getenv("PATH"));
    }

    /** The {@code redis-server} in one of {@code path}'s directories. */
    static Optional<String> installed(String path) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, "redis-server");
                if (f.isFile() && f.canExecute()) {
                    return Optional.of(f.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    /** The installed {@code redis-server} on the PATH, else embedded-redis's bundled binary. */
    static String executable() {
        Optional<String> installed = installed();
        if (installed.isPresent()) {
            return installed.get();
        }
        String path = System.getenv("PATH");
        try {
            return redis.embedded.core.ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("no redis-server: none on the PATH (" + path + ") and embedded-redis has no "
                    + "binary for this platform (" + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ": " + e + "); install Redis (apt-get install redis-server) or pass a Redis address", e);
        }
    }

    private void launch() {
        List<String> cmd = new ArrayList<>(List.of(executable, "--bind", "127.0.0.1", "--save", "",
                "--protected-mode", "no", "--daemonize", "no", "--loglevel", "notice"));
        Tls tls = options.tls();
        if (tls == null) {
            cmd.addAll(List.of("--port", String.valueOf(port)));
        } else {
            cmd.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port),
                    "--tls-cert-file", tls.certFile().toAbsolutePath().toString(),
                    "--tls-key-file", tls.keyFile().toAbsolutePath().toString(),
                    "--tls-ca-cert-file", tls.caCertFile().toAbsolutePath().toString(),
                    "--tls-auth-clients", "no"));
        }
        if (options.appendOnlyDir() != null) {
            try {
                Files.createDirectories(options.appendOnlyDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Redis data directory " + options.appendOnlyDir(), e);
            }
            cmd.addAll(List.of("--dir", options.appendOnlyDir().toAbsolutePath().toString(),
                    "--appendonly", "yes", "--appendfsync", "always"));
        } else {
            cmd.addAll(List.of("--appendonly", "no"));
        }
        if (options.password() != null) {
            cmd.addAll(List.of("--requirepass", options.password()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable + " on port " + port + ": " + e.getMessage(), e);
        }
        // counted down on the ready line, or when the output ends (it exited, e.g. on a bad TLS file): no waiting it out
        CountDownLatch ready = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean sawReady = new java.util.concurrent.atomic.AtomicBoolean();
        StringBuilder log = new StringBuilder();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (ready.getCount() > 0) {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                        if (line.contains(READY)) {
                            sawReady.set(true);
                            ready.countDown();
                        }
                    }
                    LOG.debug("redis-server:{}: {}", port, line);
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                ready.countDown();
            }
        }, "redis-server-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        boolean ok;
        try {
            ok = ready.await(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS) && sawReady.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            process.destroyForcibly();
            String out;
            synchronized (log) {
                out = log.toString();
            }
            throw new IllegalStateException(executable + " did not become ready on 127.0.0.1:" + port + " within "
                    + options.startTimeout() + (p.isAlive() ? "" : " (it exited)") + "; its output:\n" + out);
        }
        LOG.info("redis-server {} ready on 127.0.0.1:{}", executable, port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, or {@code rediss://127.0.0.1:PORT} with TLS. */
    public String address() {
        return (options.tls() == null ? "redis://" : "rediss://") + "127.0.0.1:" + port;
    }

    /** The binary that runs. */
    public String executablePath() {
        return executable;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Ends the server with SIGKILL (no shutdown, no final save) and waits for it to be gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts it again on the same port with the same options (kills it first if it runs). */
    public synchronized void restart() {
        kill();
        launch();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 s). Idempotent. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }
}
