package io.tributary.runtime.transport.kafka;

import io.tributary.runtime.transport.CauseChain;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks the cluster for its nodes every {@code interval}, on a thread and admin client of its own, and
 * says whether Kafka answered lately. Kafka's clients retry in silence while a cluster is away: Kafka
 * Streams stays RUNNING and a lane consumer's poll returns nothing, so without this a run with nothing
 * to send looked healthy through a whole outage.
 */
final class KafkaReachability implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaReachability.class);

    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Long enough that one lost request (a broker's GC pause, a leader moving) does not count as away. */
    static final Duration AWAY_AFTER = Duration.ofSeconds(3);

    private final String address;
    private final Admin admin;
    private final long intervalNanos;
    private final long awayAfterNanos;
    private final int askTimeoutMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastAnswerNanos;
    /** Why Kafka is away (the last failed ask), or null while it answers. */
    private volatile String away;

    KafkaReachability(Map<String, Object> adminConfig, Duration interval, Duration awayAfter) {
        this.address = String.valueOf(adminConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        this.admin = Admin.create(adminConfig);
        this.intervalNanos = interval.toNanos();
        this.awayAfterNanos = awayAfter.toNanos();
        this.askTimeoutMs = (int) Math.max(100, awayAfter.toMillis() - interval.toMillis());
        this.lastAnswerNanos = System.nanoTime();
        this.thread = new Thread(this::loop, "kafka-reachability-" + address);
        thread.setDaemon(true);
        thread.start();
    }

    static KafkaReachability start(Map<String, Object> adminConfig) {
        return new KafkaReachability(adminConfig, INTERVAL, AWAY_AFTER);
    }

    /** Null while Kafka answers; else what it has not done, for how long, and the last error. */
    String away() {
        return away;
    }

    private void loop() {
        while (running) {
            long asked = System.nanoTime();
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(askTimeoutMs)).nodes().get();
                answered();
            } catch (ExecutionException e) {
                unanswered(e.getCause());
            } catch (InterruptedException e) {
                return;   // close()
            } catch (RuntimeException e) {   // the admin client closed under us, or a bug: say so, keep asking
                unanswered(e);
            }
            long rest = intervalNanos - (System.nanoTime() - asked);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void answered() {
        long now = System.nanoTime();
        if (away != null) {
            LOG.info("Kafka at {} answers again, after {} ms", address,
                    TimeUnit.NANOSECONDS.toMillis(now - lastAnswerNanos));
            away = null;
        }
        lastAnswerNanos = now;
    }

    private void unanswered(Throwable cause) {
        if (!running) {
            return;
        }
        long silent = System.nanoTime() - lastAnswerNanos;
        if (silent < awayAfterNanos) {
            return;
        }
        boolean first = away == null;
        away = "Kafka at " + address + " has not answered for " + TimeUnit.NANOSECONDS.toSeconds(silent) + " s ("
                + CauseChain.describe(cause) + ")";
        if (first) {
            LOG.warn("{}; Kafka Streams and the read-back wait for it, the bridge keeps what the bus sends", away);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(1));
    }
}
