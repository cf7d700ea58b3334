package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/** Topic creation shared by the broker and the transports (which may talk to a real cluster). */
final class KafkaTopics {
    /** How long a created topic may take until every partition's leader serves it. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private KafkaTopics() {
    }

    /**
     * Creates the topics that do not exist yet and returns once every partition of every one of them
     * is served by its leader.
     *
     * <p>The wait is not cosmetic. Topic creation completes at the controller; the leader's broker sets
     * its partitions up a little later, and its metadata already names it leader meanwhile. Kafka up to
     * 4.4 (KAFKA-15591, fixed in 4.5) loses records when an idempotent producer (every Tributary
     * producer and Kafka Streams' own) writes in that window with two batches in flight: the first
     * gets NOT_LEADER_OR_FOLLOWER, the second is appended as the partition's first, and each retry
     * of the first then fails with OUT_OF_ORDER_SEQUENCE_NUMBER until {@code delivery.timeout.ms}
     * drops it. A ListOffsets answered by every leader shows the window has closed.
     */
    static void create(Admin admin, int partitions, Collection<String> topics) {
        create(admin, Optional.of(partitions), topics);
    }

    /** @param partitions empty: the broker's {@code num.partitions}, as if it created them on first use */
    static void create(Admin admin, Optional<Integer> partitions, Collection<String> topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String t : topics) {
            wanted.add(new NewTopic(t, partitions, Optional.empty()));
        }
        var result = admin.createTopics(wanted);
        for (var e : result.values().entrySet()) {
            try {
                e.getValue().get();
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof AuthorizationException denied) {
                    throw new KafkaAccessException("Kafka denied creating topic '" + e.getKey() + "': "
                            + denied.getMessage() + " (the client's principal needs CREATE on it, or create the"
                            + " topics ahead: ./tributary describe --transport kafka lists them)", denied);
                }
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create Kafka topic '" + e.getKey() + "': "
                            + ex.getCause(), ex.getCause());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating Kafka topic '" + e.getKey() + "'", ex);
            }
        }
        awaitLeaders(admin, topics, READY_TIMEOUT);
    }

    /** Returns once a ListOffsets for every partition of {@code topics} is answered by its leader. */
    static void awaitLeaders(Admin admin, Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }
                }
                admin.listOffsets(latest).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("Kafka topics " + topics + " created but not readable: "
                            + e.getCause(), e.getCause());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka topics " + topics + " created but their leaders did not"
                            + " serve them within " + timeout.toSeconds() + " s: " + e.getCause(), e.getCause());
                }
                LockSupport.parkNanos(20_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the leaders of Kafka topics " + topics, e);
            }
        }
    }
}
