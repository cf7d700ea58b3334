package io.tributary.runtime.transport.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.tributary.api.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static io.tributary.runtime.transport.redis.RedisFixtures.await;
import static io.tributary.runtime.transport.redis.RedisFixtures.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Netty buffer of ours leaks, also when batches fail because Redis went away: with Netty's leak
 * detector at PARANOID (every buffer tracked) a publisher and a consumer work, lose the server, retry
 * and recover; after garbage collection the detector reports nothing. Redisson does not release the
 * encoded arguments of a pipelined batch that never reached the server, so the codecs must encode
 * without pooled buffers.
 */
class RedisBufferLeakIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ResourceLeakDetector.Level previous;
    private ListAppender<ILoggingEvent> leaks;
    private Logger detectorLog;

    @BeforeEach
    void detectEveryLeak() {
        previous = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        detectorLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        leaks = new ListAppender<>();
        leaks.start();
        detectorLog.addAppender(leaks);
        detectorLog.setLevel(Level.ERROR);
    }

    @AfterEach
    void restore() {
        detectorLog.detachAppender(leaks);
        ResourceLeakDetector.setLevel(previous);
    }

    @Test
    void killsRestartsAndAClosedPublisherWithRedisAwayLeakNoBuffer() throws Exception {
        int n = 20_000;
        LongAdder handled = new LongAdder();
        try (LocalRedisServer server = LocalRedisServer.start(LocalRedisServer.Options.defaults())) {
            RedisLanes lanes = new RedisLanes(RedisSettings.defaults(server.address(), "leak")
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1)).withBatch(256, Duration.ofMillis(1)));
            RedisLanePublisher publisher = lanes.publisher();
            RedisLaneConsumer consumer = lanes.consumer(List.of("q"), false, (t, k, r, lane, id) -> {
                handled.increment();
                return true;
            }, null).start();
            try {
                assertTrue(consumer.awaitReady(WAIT));
                Thread feeder = new Thread(() -> {
                    for (int i = 0; i < n; i++) {
                        publisher.publish("q", "k" + (i % 7), quote(i), Priority.values()[i % Priority.COUNT]);
                    }
                }, "leak-feeder");
                feeder.start();
                // killed while batches are on the wire; then batches are encoded and fail
                assertTrue(await(WAIT, () -> publisher.sent() >= 2_000), "sent " + publisher.sent());
                server.kill();
                assertTrue(await(WAIT, () -> publisher.failures() >= 2), "failures " + publisher.failures());
                server.restart();
                feeder.join(WAIT.toMillis());
                assertTrue(publisher.flush(WAIT), "buffered " + publisher.buffered());
                assertTrue(await(WAIT, () -> handled.sum() > 0 && consumer.connected()), "handled " + handled.sum());

                // closed with Redis away: batches in flight and buffered messages are given up
                server.kill();
                for (int i = 0; i < 1_000; i++) {
                    publisher.publish("q", "k", quote(i), Priority.values()[i % Priority.COUNT]);
                }
                assertTrue(await(WAIT, () -> !publisher.connected()), "publisher did not notice the dead server");
            } finally {
                publisher.close();
                consumer.close();
            }
        }
        assertNoLeak();
    }

    /** The detector reports a leaked buffer when a later allocation finds it collected. */
    private void assertNoLeak() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 1_000; i++) {
                ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(64);
                b.release();
            }
        }
        assertEquals(List.of(), leaks.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("LEAK")).map(m -> m.substring(0, Math.min(m.length(), 2_000))).toList());
    }
}
