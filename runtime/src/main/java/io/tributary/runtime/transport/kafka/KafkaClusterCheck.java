package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.transport.CauseChain;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Asks a cluster for its id before anything is created there. Without it a wrong address costs a
 * minute of Kafka's retries (the admin client's {@code default.api.timeout.ms}) and wrong
 * credentials surface as "cannot create topic …"; with it both fail in seconds, saying what Kafka said
 * and which settings the client used.
 */
final class KafkaClusterCheck {
    /** How long an address that answers nothing is tried, unless {@code default.api.timeout.ms} is set. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private KafkaClusterCheck() {
    }

    /** The cluster's id; {@link KafkaAccessException} if it cannot be had in time. */
    static String clusterId(Map<String, Object> adminConfig) {
        Duration timeout = timeout(adminConfig);
        try (Admin admin = Admin.create(adminConfig)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get();
        } catch (ExecutionException e) {
            throw new KafkaAccessException(describe(adminConfig, e.getCause(), timeout), e.getCause());
        } catch (org.apache.kafka.common.KafkaException e) {   // a client that cannot even be made
            throw new KafkaAccessException(describe(adminConfig, e, timeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka at "
                    + adminConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " for its cluster id", e);
        }
    }

    static Duration timeout(Map<String, Object> adminConfig) {
        Object set = adminConfig.get(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
        return set == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(set.toString().trim()));
    }

    static String describe(Map<String, Object> config, Throwable cause, Duration timeout) {
        String at = "Kafka at " + config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        String as = " (security.protocol " + config.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")
                + (config.containsKey(SaslConfigs.SASL_MECHANISM) ? ", sasl.mechanism " + config.get(SaslConfigs.SASL_MECHANISM) : "")
                + ")";
        if (cause instanceof TimeoutException) {
            return "no broker of " + at + " answered within " + timeout.toSeconds() + " s" + as;
        }
        if (cause instanceof SaslAuthenticationException) {
            return at + " refused the credentials" + as + ": " + cause.getMessage();
        }
        if (cause instanceof SslAuthenticationException) {
            Object trust = config.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
            return "the TLS handshake with " + at + " failed" + as + ", trusting "
                    + (trust == null ? "the JVM's trust store" : "ssl.truststore.location " + trust) + ": " + CauseChain.describe(cause);
        }
        return "cannot use " + at + as + ": " + CauseChain.describe(cause);
    }
}
