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
     * {@code ARGV}: maxLength; r; r topics to add to the registry; then per stream: its entry count, and
     * per entry: a shape ({@code 0} no key, {@code 1} keyed, {@code 2} with a lane, {@code 3} both), its
     * message count m, the first message's id, the lane (shapes 2, 3), then per message its key (shapes
     * 1, 3) and its payload. An entry of one message has the fields {@code id [lane] [key] payload}; of m
     * &gt; 1, {@code id n [lane]} and per message i (from 0) {@code [key.i] payload.i}: message i's id is
     * id + i (docs/decisions/0051). Returns the number of entries written.
     */
    static final String XADD_BATCH = """
            local maxlen = ARGV[1]
            local r = tonumber(ARGV[2])
            local a = 3
            for i = 1, r do
              redis.call('SADD', KEYS[1], ARGV[a])
              a = a + 1
            end
            local keyf, payloadf = {}, {}
            local n = 0
            for k = 2, #KEYS do
              local s = KEYS[k]
              local c = tonumber(ARGV[a])
              a = a + 1
              for e = 1, c do
                local shape = ARGV[a]
                local keyed = shape == '1' or shape == '3'
                local m = tonumber(ARGV[a + 1])
                local f = {'XADD', s, 'MAXLEN', '~', maxlen, '*', 'id', ARGV[a + 2]}
                local j = 9
                a = a + 3
                if m > 1 then
                  f[j] = 'n'; f[j + 1] = ARGV[a - 2]; j = j + 2
                end
                if shape == '2' or shape == '3' then
                  f[j] = 'lane'; f[j + 1] = ARGV[a]; j = j + 2; a = a + 1
                end
                if m == 1 then
                  if keyed then
                    f[j] = 'key'; f[j + 1] = ARGV[a]; j = j + 2; a = a + 1
                  end
                  f[j] = 'payload'; f[j + 1] = ARGV[a]; a = a + 1
                else
                  for i = 0, m - 1 do
                    if keyed then
                      local kf = keyf[i]
                      if not kf then kf = 'key.' .. i; keyf[i] = kf end
                      f[j] = kf; f[j + 1] = ARGV[a]; j = j + 2; a = a + 1
                    end
                    local pf = payloadf[i]
                    if not pf then pf = 'payload.' .. i; payloadf[i] = pf end
                    f[j] = pf; f[j + 1] = ARGV[a]; j = j + 2; a = a + 1
                  end
                end
                redis.call(unpack(f))
                n = n + 1
              end
            end
            return n
            """;
}
