package io.tributary.runtime.transport.redis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a batch is laid out as {@link RedisScripts#XADD_BATCH}'s arguments: streams, entries, ids. */
class RedisEntryPackerTest {
    private static final byte[] MAXLEN = "1000".getBytes(StandardCharsets.US_ASCII);

    /** Message i's values: "k<i>" if keyed, then "p<i>". */
    private static List<String> layout(RedisEntryPacker packer, int[] streams, int[] lanes, boolean[] keyed, int streamCount,
                                       long firstId) {
        packer.clear(streams.length);
        for (int i = 0; i < streams.length; i++) {
            packer.message(i, streams[i], lanes[i], keyed[i]);
        }
        Object[] args = packer.arguments(streamCount, firstId, MAXLEN, Set.of("t"), (i, out, a) -> {
            if (keyed[i]) {
                out[a++] = ("k" + i).getBytes(StandardCharsets.US_ASCII);
            }
            out[a++] = ("p" + i).getBytes(StandardCharsets.US_ASCII);
            return a;
        }, lane -> ("L" + lane).getBytes(StandardCharsets.US_ASCII));
        List<String> out = new ArrayList<>();
        for (Object o : args) {
            out.add(o instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : String.valueOf(o));
        }
        return out;
    }

    @Test
    void runsOfAStreamShareEntriesUpToTheLimitInBatchOrder() {
        // messages 0..6: streams a b a a b a a (a = 0, b = 1), no keys, one lane
        int[] streams = {0, 1, 0, 0, 1, 0, 0};
        List<String> args = layout(new RedisEntryPacker(3, false), streams, new int[7], new boolean[7], 2, 100);
        assertEquals(List.of("1000", "1", "t",
                // stream a: 5 messages -> entries of 3 and 2; ids 100.. then 103..
                "2", "0", "3", "100", "p0", "p2", "p3", "0", "2", "103", "p5", "p6",
                // stream b: 2 messages -> one entry, ids run on
                "1", "0", "2", "105", "p1", "p4"), args);
    }

    @Test
    void aLaneOrKeyChangeStartsANewEntryAndALoneMessageIsAnEntryOfOne() {
        int[] streams = {0, 0, 0, 0};
        int[] lanes = {1, 1, 2, 2};
        boolean[] keyed = {true, true, true, false};
        List<String> args = layout(new RedisEntryPacker(16, true), streams, lanes, keyed, 1, 7);
        assertEquals(List.of("1000", "1", "t", "3",
                "3", "2", "7", "L1", "k0", "p0", "k1", "p1",
                "3", "1", "9", "L2", "k2", "p2",
                "2", "1", "10", "L2", "p3"), args);
    }

    @Test
    void oneMessagePerEntryNeverPacksAndTheArraysGrowWithTheBatch() {
        RedisEntryPacker packer = new RedisEntryPacker(1, false);
        int n = 200;
        List<String> args = layout(packer, new int[n], new int[n], new boolean[n], 1, 0);
        assertEquals(n, packer.entryCount());
        assertEquals(3 + 1 + 4 * n, args.size());
        assertEquals(List.of("0", "1", "199", "p199"), args.subList(args.size() - 4, args.size()));
        assertThrows(IllegalArgumentException.class, () -> new RedisEntryPacker(0, false));
    }
}
