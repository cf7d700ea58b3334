package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Topic creation shared by the broker and the transports (which may talk to a real cluster). */
final class KafkaTopics {
    private KafkaTopics() {
    }

    static void create(Admin admin, int partitions, Collection<String> topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String t : topics) {
            wanted.add(new NewTopic(t, partitions, (short) -1));
        }
        var result = admin.createTopics(wanted);
        for (var e : result.values().entrySet()) {
            try {
                e.getValue().get();
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create Kafka topic '" + e.getKey() + "': "
                            + ex.getCause(), ex.getCause());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating Kafka topic '" + e.getKey() + "'", ex);
            }
        }
    }
}
