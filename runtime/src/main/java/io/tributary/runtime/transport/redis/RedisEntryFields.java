package io.tributary.runtime.transport.redis;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The field names of Tributary's stream entries (docs/redis.md). A lone message: {@code id}, [{@code
 * lane}], [{@code key}], {@code payload}. A packed entry of n messages (docs/decisions/0051): {@code id}
 * (the first message's; message i's is id + i), {@code n}, [{@code lane}], and per message i from 0
 * [{@code key.i}] {@code payload.i}. Also the one place that turns a field name read from Redis back into
 * its constant without allocating ({@link #decode}).
 */
final class RedisEntryFields {
    static final String ID = "id";
    static final String COUNT = "n";
    static final String LANE = "lane";
    static final String KEY = "key";
    static final String PAYLOAD = "payload";

    private static final String[] KEYS = new String[RedisSettings.MAX_MESSAGES_PER_ENTRY];
    private static final String[] PAYLOADS = new String[RedisSettings.MAX_MESSAGES_PER_ENTRY];
    /** Open addressing over every name above: their UTF-8 bytes and the constant. */
    private static final int TABLE_SIZE = 8_192;
    private static final byte[][] TABLE_BYTES = new byte[TABLE_SIZE][];
    private static final String[] TABLE_NAMES = new String[TABLE_SIZE];
    /** The same names the other way: constant to its UTF-8 bytes, for encoders. */
    private static final java.util.Map<String, byte[]> ENCODED = new java.util.HashMap<>();

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = KEY + "." + i;
            PAYLOADS[i] = PAYLOAD + "." + i;
            put(KEYS[i]);
            put(PAYLOADS[i]);
        }
        for (String s : new String[] {ID, COUNT, LANE, KEY, PAYLOAD}) {
            put(s);
        }
    }

    private RedisEntryFields() {
    }

    /** The UTF-8 bytes of one of the names above, made once; null for any other string. */
    static byte[] encoded(String name) {
        return ENCODED.get(name);
    }

    /** {@code key.i}. */
    static String key(int i) {
        return KEYS[i];
    }

    /** {@code payload.i}. */
    static String payload(int i) {
        return PAYLOADS[i];
    }

    /**
     * The field name in {@code buf}'s readable bytes (consumed): the constant if it is one of ours, else
     * a new string. Redisson decodes every field name of every entry through here: with a new string
     * each, names were a good part of the consumer's garbage.
     */
    static String decode(ByteBuf buf) {
        int from = buf.readerIndex();
        int len = buf.readableBytes();
        int i = hash(buf, from, len) & (TABLE_SIZE - 1);
        for (byte[] b; (b = TABLE_BYTES[i]) != null; i = (i + 1) & (TABLE_SIZE - 1)) {
            if (b.length == len && same(b, buf, from)) {
                buf.skipBytes(len);
                return TABLE_NAMES[i];
            }
        }
        String s = buf.toString(from, len, StandardCharsets.UTF_8);
        buf.skipBytes(len);
        return s;
    }

    private static boolean same(byte[] b, ByteBuf buf, int from) {
        for (int j = 0; j < b.length; j++) {
            if (b[j] != buf.getByte(from + j)) {
                return false;
            }
        }
        return true;
    }

    private static void put(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        int i = hash(io.netty.buffer.Unpooled.wrappedBuffer(b), 0, b.length) & (TABLE_SIZE - 1);
        while (TABLE_BYTES[i] != null) {
            i = (i + 1) & (TABLE_SIZE - 1);
        }
        TABLE_BYTES[i] = b;
        TABLE_NAMES[i] = name;
        ENCODED.put(name, b);
    }

    private static int hash(ByteBuf buf, int from, int len) {
        int h = len;
        for (int j = 0; j < len; j++) {
            h = 31 * h + buf.getByte(from + j);
        }
        return h ^ (h >>> 13);
    }
}
