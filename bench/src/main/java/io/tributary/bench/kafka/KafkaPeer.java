package io.tributary.bench.kafka;

/**
 * One side of the Kafka suite: sends records carrying a send time and reports each received one's
 * send time to the sink given at construction (on the receiving thread).
 */
interface KafkaPeer extends AutoCloseable {

    /** Waits until the receiving side has its partitions. */
    void awaitReady() throws InterruptedException;

    /** Sends one record stamped with {@code sendNanos} ({@link System#nanoTime()} base). */
    void send(long sendNanos);

    void flush();

    /** Records received so far. */
    long received();

    @Override
    void close();

    /** Receives the send time of every record, on the consuming thread. */
    @FunctionalInterface
    interface Sink {
        void received(long sendNanos);
    }
}
