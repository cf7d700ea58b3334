package io.tributary.runtime.transport.redis;

import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Quotes numbered by their bid, and a deadline wait, for the Redis tests. */
final class RedisFixtures {
    private RedisFixtures() {
    }

    static QuoteTick quote(long seq) {
        return QuoteTick.newBuilder()
                .setInstrument(new InstrumentId("BINANCE", "BTCUSDT"))
                .setBidPrice(new Price(seq, 2)).setAskPrice(new Price(seq + 1, 2))
                .setBidSize(new Quantity(10L, 0)).setAskSize(new Quantity(12L, 0))
                .setTsEvent(seq).setTsInit(seq)
                .build();
    }

    static long seq(Object record) {
        return ((QuoteTick) record).getBidPrice().getMantissa();
    }

    /** Polls {@code condition} until it holds or {@code timeout} passed; returns its last value. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            Thread.sleep(10);
        }
        return true;
    }

    static long xlen(RedissonClient client, String stream) {
        return client.getStream(stream, RedisClients.ENTRY_CODEC).size();
    }
}
