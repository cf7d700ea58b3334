package io.tributary.runtime.transport.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker for a test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();}
 */
final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    String bootstrapServers() {
        return broker().bootstrapServers();
    }

    EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the embedded broker runs only while the test class runs;"
                    + " register EmbeddedKafka as a static @RegisterExtension field");
        }
        return broker;
    }
}
