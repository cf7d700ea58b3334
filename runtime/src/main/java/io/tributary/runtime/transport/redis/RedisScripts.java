package io.tributary.runtime.transport.redis;

/**
 * The Lua script the publisher sends each batch with (docs/decisions/0050): Redisson's {@code RBatch}
 * pays a future, a command object and a decoded reply per XADD, which on two cores cost more than
 * Redis itself. The script runs the commands a pipeline would (SADD, XADD); a call is atomic, and what
 * it touches is named in {@code KEYS}. Redis Cluster is not supported (a batch's streams may live in
 * different slots).
 */
final class RedisScripts {
    private RedisScripts() {
    }

    /**
     * Writes a batch. {@code KEYS[1]} the topic registry, {@code KEYS[2..]} the batch's streams.
     * {@code ARGV}: maxLength; r; r topics to add to the registry; then per stream: its entry count,
     * and per entry a shape ({@code 0} id payload, {@code 1} id key payload, {@code 2} id lane payload,
     * {@code 3} id lane key payload) and those values. Returns the number of entries written.
     */
    static final String XADD_BATCH = """
            local maxlen = ARGV[1]
            local r = tonumber(ARGV[2])
            local a = 3
            for i = 1, r do
              redis.call('SADD', KEYS[1], ARGV[a])
              a = a + 1
            end
            local n = 0
            for k = 2, #KEYS do
              local s = KEYS[k]
              local c = tonumber(ARGV[a])
              a = a + 1
              for i = 1, c do
                local shape = ARGV[a]
                if shape == '0' then
                  redis.call('XADD', s, 'MAXLEN', '~', maxlen, '*', 'id', ARGV[a + 1], 'payload', ARGV[a + 2])
                  a = a + 3
                elseif shape == '1' then
                  redis.call('XADD', s, 'MAXLEN', '~', maxlen, '*', 'id', ARGV[a + 1], 'key', ARGV[a + 2], 'payload', ARGV[a + 3])
                  a = a + 4
                elseif shape == '2' then
                  redis.call('XADD', s, 'MAXLEN', '~', maxlen, '*', 'id', ARGV[a + 1], 'lane', ARGV[a + 2], 'payload', ARGV[a + 3])
                  a = a + 4
                else
                  redis.call('XADD', s, 'MAXLEN', '~', maxlen, '*', 'id', ARGV[a + 1], 'lane', ARGV[a + 2], 'key', ARGV[a + 3], 'payload', ARGV[a + 4])
                  a = a + 5
                end
                n = n + 1
              end
            end
            return n
            """;
}
