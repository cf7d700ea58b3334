package io.tributary.runtime.transport.redis;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.IntFunction;

/**
 * Lays a publisher batch out as the arguments of {@link RedisScripts#XADD_BATCH}: messages grouped by
 * stream (in batch order within a stream), and runs of up to {@code perEntry} consecutive messages of a
 * stream with the same lane and the same key presence packed into one entry (docs/decisions/0051). A run
 * of one is a lone entry. Message ids are given in the order the entries are laid out, starting at the
 * batch's first id, so the messages of an entry have consecutive ids and the entry carries only the first.
 * Only what the batch already holds is packed: nothing waits to fill an entry. One per publisher, its
 * sender thread only; the arrays grow to the largest batch and are reused.
 */
final class RedisEntryPacker {
    /** Puts message {@code index}'s values (its key if any, then its payload) at {@code at}; returns the next index. */
    @FunctionalInterface
    interface MessageValues {
        int put(int index, Object[] out, int at);
    }

    /** Which fields an entry has, see {@link RedisScripts#XADD_BATCH}: +1 keys, +2 a lane. */
    private static final byte[][] SHAPES = {{'0'}, {'1'}, {'2'}, {'3'}};
    private static final byte[][] COUNTS = new byte[RedisSettings.MAX_MESSAGES_PER_ENTRY + 1][];

    static {
        for (int i = 0; i < COUNTS.length; i++) {
            COUNTS[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final int perEntry;
    private final boolean laneField;
    private int messages;
    private int[] streamOf = new int[64];
    private int[] laneOf = new int[64];
    private boolean[] keyed = new boolean[64];
    /** Message indexes ordered by stream (stable). */
    private int[] order = new int[64];
    private int[] streamStart = new int[8];
    /** Per entry: its first position in {@link #order} and its message count; per stream: its entry count. */
    private int[] entryStart = new int[64];
    private int[] entryLength = new int[64];
    private int[] streamEntries = new int[8];
    private int entries;

    RedisEntryPacker(int perEntry, boolean laneField) {
        if (perEntry < 1 || perEntry > RedisSettings.MAX_MESSAGES_PER_ENTRY) {
            throw new IllegalArgumentException("perEntry must be in [1, " + RedisSettings.MAX_MESSAGES_PER_ENTRY
                    + "], was " + perEntry);
        }
        this.perEntry = perEntry;
        this.laneField = laneField;
    }

    /** Starts a batch of {@code size} messages. */
    void clear(int size) {
        messages = 0;
        entries = 0;
        if (streamOf.length < size) {
            int n = Math.max(size, streamOf.length * 2);
            streamOf = new int[n];
            laneOf = new int[n];
            keyed = new boolean[n];
            order = new int[n];
            entryStart = new int[n];
            entryLength = new int[n];
        }
    }

    /** Message {@code index} (0, 1, … in batch order) goes to the batch's stream number {@code stream}. */
    void message(int index, int stream, int lane, boolean hasKey) {
        streamOf[index] = stream;
        laneOf[index] = lane;
        keyed[index] = hasKey;
        messages = index + 1;
    }

    /** Entries laid out by the last {@link #arguments} call. */
    int entryCount() {
        return entries;
    }

    /**
     * The script's arguments: maxLength, the topics to register, then per stream its entries.
     *
     * @param laneBytes a lane ordinal's field value (topic mode)
     */
    Object[] arguments(int streams, long firstId, byte[] maxLength, Collection<String> register, MessageValues values,
                       IntFunction<byte[]> laneBytes) {
        sortByStream(streams);
        int argCount = 2 + register.size() + streams;
        entries = 0;
        for (int k = 0; k < streams; k++) {
            int end = k + 1 < streams ? streamStart[k + 1] : messages;
            int before = entries;
            for (int at = streamStart[k]; at < end; ) {
                int first = order[at];
                int len = 1;
                while (len < perEntry && at + len < end && laneOf[order[at + len]] == laneOf[first]
                        && keyed[order[at + len]] == keyed[first]) {
                    len++;
                }
                entryStart[entries] = at;
                entryLength[entries] = len;
                entries++;
                argCount += (laneField ? 4 : 3) + (keyed[first] ? 2 : 1) * len;
                at += len;
            }
            streamEntries[k] = entries - before;
        }
        Object[] args = new Object[argCount];
        int a = 0;
        args[a++] = maxLength;
        args[a++] = Integer.toString(register.size());
        for (String topic : register) {
            args[a++] = topic;
        }
        long id = firstId;
        int e = 0;
        for (int k = 0; k < streams; k++) {
            args[a++] = Integer.toString(streamEntries[k]);
            for (int last = e + streamEntries[k]; e < last; e++) {
                int first = order[entryStart[e]];
                int len = entryLength[e];
                args[a++] = SHAPES[(laneField ? 2 : 0) + (keyed[first] ? 1 : 0)];
                args[a++] = COUNTS[len];
                args[a++] = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
                if (laneField) {
                    args[a++] = laneBytes.apply(laneOf[first]);
                }
                for (int m = 0; m < len; m++) {
                    a = values.put(order[entryStart[e] + m], args, a);
                }
                id += len;
            }
        }
        if (a != args.length) {
            throw new IllegalStateException("laid out " + a + " of " + args.length + " arguments");
        }
        return args;
    }

    /** Counting sort of the message indexes by stream, stable: a stream's messages keep their order. */
    private void sortByStream(int streams) {
        if (streamStart.length < streams + 1) {
            streamStart = new int[Math.max(streams + 1, streamStart.length * 2)];
            streamEntries = new int[streamStart.length];
        }
        java.util.Arrays.fill(streamStart, 0, streams + 1, 0);
        for (int i = 0; i < messages; i++) {
            streamStart[streamOf[i] + 1]++;
        }
        for (int k = 1; k <= streams; k++) {
            streamStart[k] += streamStart[k - 1];
        }
        int[] next = streamEntries;   // scratch: the next free position per stream
        System.arraycopy(streamStart, 0, next, 0, streams);
        for (int i = 0; i < messages; i++) {
            order[next[streamOf[i]]++] = i;
        }
    }
}
