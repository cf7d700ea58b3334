package io.tributary.runtime.transport.redis;

import io.tributary.runtime.transport.CauseChain;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.Codec;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SslVerificationMode;

import java.net.MalformedURLException;
import java.time.Duration;

/**
 * Makes Redisson clients from {@link RedisSettings}. Stream entries use UTF-8 field names and byte
 * values ({@link #ENTRY_CODEC}): the payload is Avro single-object bytes from
 * {@link io.tributary.schemas.serde.TributarySerde}, never Redisson's default Kryo codec. Redisson
 * reconnects by itself after a lost connection, with a jittered back-off from 100 ms to 2 s.
 */
public final class RedisClients {
    /** Field names as strings, values as raw bytes, encoded without pooled buffers ({@link WrappingCodec}). */
    public static final Codec ENTRY_CODEC = WrappingCodec.ENTRIES;

    private RedisClients() {
    }

    /**
     * A connected client. A wrong password, an unknown user or an unreachable server fails here with
     * an {@link IllegalStateException} naming the address and the user.
     */
    public static RedissonClient connect(RedisSettings s) {
        Config config = new Config();
        config.setCodec(ENTRY_CODEC);
        config.setThreads(2);
        config.setNettyThreads(2);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(s.address())
                .setDatabase(s.database())
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(8)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setConnectTimeout((int) s.connectTimeout().toMillis())
                .setTimeout((int) s.timeout().toMillis())
                .setRetryAttempts(0)
                .setPingConnectionInterval(1_000)
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(2)));
        config.setTcpNoDelay(true);
        // no Redisson live objects here: skip the reference check on every decoded reply element
        config.setReferenceEnabled(false);
        // EVAL with the script text (Redis caches it by hash) rather than EVALSHA, which makes Redisson
        // copy every argument of a batch to be able to resend it after NOSCRIPT
        config.setUseScriptCache(false);
        if (s.username() != null) {
            server.setUsername(s.username());
        }
        if (s.password() != null) {
            server.setPassword(s.password());
        }
        if (s.address().startsWith("rediss://")) {
            server.setSslVerificationMode(s.tlsVerifyHostname() ? SslVerificationMode.STRICT : SslVerificationMode.CA_ONLY);
            if (s.tlsTruststore() != null) {
                try {
                    server.setSslTruststore(s.tlsTruststore().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("tls truststore " + s.tlsTruststore() + ": " + e.getMessage(), e);
                }
                server.setSslTruststorePassword(s.tlsTruststorePassword());
            }
        }
        try {
            return Redisson.create(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to Redis at " + s.address() + " as user '"
                    + (s.username() == null ? "default" : s.username()) + "'" + (s.password() == null ? " without a password" : "")
                    + ": " + causeMessage(e) + tlsHint(s, e), e);
        }
    }

    /** After a failed TLS handshake: which trust store and host name check the client used. */
    static String tlsHint(RedisSettings s, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return " (TLS handshake failed; trusting " + (s.tlsTruststore() == null ? "the JVM's trust store"
                        : "tls.truststore " + s.tlsTruststore()) + ", host name "
                        + (s.tlsVerifyHostname() ? "checked: tls.verifyHostname = true" : "not checked") + ")";
            }
        }
        return "";
    }

    /** The innermost cause's message (what actually went wrong), else the whole chain's. */
    static String causeMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? CauseChain.describe(e) : t.getMessage();
    }
}
