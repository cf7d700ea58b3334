package io.tributary.runtime.transport.kafka;

import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Kafka could not be used as configured: no broker answered, the client's credentials or TLS
 * handshake were refused, or the cluster denied an operation (creating a topic, say). The message
 * names the address or topic, the security settings used and Kafka's reason.
 */
public final class KafkaAccessException extends IllegalStateException {
    KafkaAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The cluster was reached and the client authenticated, but an ACL denied what it asked. */
    public boolean denied() {
        return getCause() instanceof AuthorizationException;
    }
}
