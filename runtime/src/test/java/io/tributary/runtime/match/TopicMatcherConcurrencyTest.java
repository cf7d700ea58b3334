package io.tributary.runtime.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.TopicPattern;
import io.tributary.api.TopicPattern.Syntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readers resolving while writers add and remove. No timing assumptions: writers run a fixed
 * amount of work, readers check everything they see until the writers are done.
 */
class TopicMatcherConcurrencyTest {

    private static final String[] TOPICS = {"data.quotes.V1.SYM1", "data.quotes.V2.SYM2", "data.trades.V1.SYM1"};
    private static final List<TopicPattern> PATTERNS = List.of(
            TopicPattern.parse("data.quotes.*.*"),
            TopicPattern.parse("data.**"),
            TopicPattern.parse("data.quotes.V1.*"),
            TopicPattern.parse("**.SYM1"),
            TopicPattern.parse("data.quotes.V?.SYM*"),
            TopicPattern.parse("data.*.V1.SYM1"),
            TopicPattern.parse("data.*1", Syntax.NAUTILUS));

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    record Op(boolean add, TopicPattern pattern, String subscriber) {
    }

    /**
     * One writer runs a script whose result at every version is known in advance (from the naive
     * model), so each resolve can be checked exactly: the subscribers of the version it reports,
     * no more, no fewer, same order.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 64})
    void everyResolveSeesExactlyOneVersion(int cacheCapacity) throws Exception {
        Random random = new Random(42);
        List<Op> script = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            script.add(new Op(random.nextInt(100) < 55, PATTERNS.get(random.nextInt(PATTERNS.size())),
                    "s" + random.nextInt(8)));
        }
        List<List<List<String>>> expectedByVersion = expectedByVersion(script);

        TopicMatcher<String> matcher = new TopicMatcher<>(String[]::new, cacheCapacity);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersStarted = new CountDownLatch(3);
        Future<?> writer = pool.submit(() -> {
            readersStarted.await();
            for (Op op : script) {
                if (op.add()) {
                    matcher.add(op.pattern(), op.subscriber());
                } else {
                    matcher.remove(op.pattern(), op.subscriber());
                }
            }
            writing.set(false);
            return null;
        });
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(pool.submit(() -> {
                readersStarted.countDown();
                long checks = 0;
                long lastVersion = 0;
                boolean last;
                do {
                    last = !writing.get();
                    for (int t = 0; t < TOPICS.length; t++) {
                        TopicMatcher.Match<String> match = matcher.resolve(TOPICS[t]);
                        assertTrue(match.version() >= lastVersion, "versions never go back");
                        lastVersion = match.version();
                        assertEquals(expectedByVersion.get(t).get((int) match.version()),
                                Arrays.asList(match.subscribers()), TOPICS[t] + " @" + match.version());
                        checks++;
                    }
                } while (!last);
                return checks;
            }));
        }
        writer.get(60, TimeUnit.SECONDS);
        for (Future<Long> reader : readers) {
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        }
        assertEquals(expectedByVersion.get(0).size() - 1, matcher.version());
    }

    /** expected[topic][version] = subscribers, replaying the script on the naive model. */
    private static List<List<List<String>>> expectedByVersion(List<Op> script) {
        ReferenceMatcher model = new ReferenceMatcher();
        List<List<List<String>>> expected = new ArrayList<>();
        for (String topic : TOPICS) {
            expected.add(new ArrayList<>(List.of(model.resolve(topic))));
        }
        for (Op op : script) {
            boolean changed = op.add() ? model.add(op.pattern(), op.subscriber())
                    : model.remove(op.pattern(), op.subscriber());
            if (changed) {
                for (int t = 0; t < TOPICS.length; t++) {
                    expected.get(t).add(model.resolve(TOPICS[t]));
                }
            }
        }
        return expected;
    }

    /**
     * Two writers churn their own subscribers while two readers resolve. Subscribers added before
     * the start must be in every result, first and in order; nothing appears twice; nothing
     * unknown appears; once the churners are gone only the stable ones remain.
     */
    @Test
    void stableSubscribersAreNeverLostOrDuplicated() throws Exception {
        TopicMatcher<String> matcher = new TopicMatcher<>(String[]::new, 16);
        String[] stable = {"stable0", "stable1", "stable2"};
        matcher.add(TopicPattern.parse("data.**"), stable[0]);
        matcher.add(TopicPattern.parse("**.SYM?"), stable[1]);
        matcher.add(TopicPattern.parse("data.*.V?.*"), stable[1]);
        matcher.add(TopicPattern.parse("data*", Syntax.NAUTILUS), stable[2]);
        int stablePatterns = matcher.patternCount();

        Set<String> known = new HashSet<>(Arrays.asList(stable));
        for (int w = 0; w < 2; w++) {
            for (int c = 0; c < 4; c++) {
                known.add("churn" + w + "." + c);
            }
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersStarted = new CountDownLatch(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writerId = w;
            writers.add(pool.submit(() -> churn(matcher, writerId, readersStarted)));
        }
        Callable<Long> reader = () -> {
            readersStarted.countDown();
            long checks = 0;
            boolean last;
            do {
                last = !writing.get();
                for (String topic : TOPICS) {
                    String[] seen = matcher.resolve(topic).subscribers();
                    assertArrayEquals(stable, Arrays.copyOf(seen, stable.length), topic + " " + Arrays.toString(seen));
                    assertEquals(seen.length, new HashSet<>(Arrays.asList(seen)).size(), () -> "duplicate in " + Arrays.toString(seen));
                    assertTrue(known.containsAll(Arrays.asList(seen)), () -> Arrays.toString(seen));
                    checks++;
                }
            } while (!last);
            return checks;
        };
        List<Future<Long>> readers = List.of(pool.submit(reader), pool.submit(reader));
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<Long> r : readers) {
            assertTrue(r.get(60, TimeUnit.SECONDS) > 0);
        }
        for (String topic : TOPICS) {
            assertArrayEquals(stable, matcher.resolve(topic).subscribers());
        }
        assertEquals(stablePatterns, matcher.patternCount());
    }

    private static Void churn(TopicMatcher<String> matcher, int writerId, CountDownLatch readersStarted)
            throws InterruptedException {
        readersStarted.await();
        Random random = new Random(writerId);
        for (int i = 0; i < 10_000; i++) {
            TopicPattern pattern = PATTERNS.get(random.nextInt(PATTERNS.size()));
            String subscriber = "churn" + writerId + "." + random.nextInt(4);
            if (random.nextBoolean()) {
                matcher.add(pattern, subscriber);
            } else {
                matcher.remove(pattern, subscriber);
            }
        }
        for (TopicPattern pattern : PATTERNS) {
            for (int c = 0; c < 4; c++) {
                matcher.remove(pattern, "churn" + writerId + "." + c);
            }
        }
        return null;
    }
}
