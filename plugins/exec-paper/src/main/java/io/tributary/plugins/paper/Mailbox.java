package io.tributary.plugins.paper;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Serializes work from many threads without a lock: every caller enqueues, and whichever caller
 * finds the mailbox idle drains it (an actor without a thread of its own). Items submitted while a
 * drain runs, including by the handler itself, are handled by that drain in submission order.
 */
final class Mailbox<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Consumer<T> handler;
    private final BiConsumer<T, RuntimeException> onError;

    Mailbox(Consumer<T> handler, BiConsumer<T, RuntimeException> onError) {
        this.handler = handler;
        this.onError = onError;
    }

    void submit(T item) {
        queue.offer(item);
        if (pending.getAndIncrement() != 0) {
            return;
        }
        do {
            T next = queue.poll();
            try {
                handler.accept(next);
            } catch (RuntimeException e) {
                onError.accept(next, e);
            }
        } while (pending.decrementAndGet() != 0);
    }
}
