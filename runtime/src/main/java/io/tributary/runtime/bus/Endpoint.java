package io.tributary.runtime.bus;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** A point-to-point address: each message goes to exactly one of its handlers, round robin. */
final class Endpoint {
    private final String name;
    private volatile Subscriber[] handlers = new Subscriber[0];
    private final AtomicInteger next = new AtomicInteger();

    Endpoint(String name) {
        this.name = name;
    }

    synchronized void add(Subscriber subscriber) {
        Subscriber[] copy = Arrays.copyOf(handlers, handlers.length + 1);
        copy[handlers.length] = subscriber;
        handlers = copy;
    }

    synchronized boolean remove(Subscriber subscriber) {
        Subscriber[] current = handlers;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == subscriber) {
                Subscriber[] copy = new Subscriber[current.length - 1];
                System.arraycopy(current, 0, copy, 0, i);
                System.arraycopy(current, i + 1, copy, i, current.length - i - 1);
                handlers = copy;
                return true;
            }
        }
        return false;
    }

    /** The next handler, or null when none is registered. */
    Subscriber pick() {
        Subscriber[] current = handlers;
        if (current.length == 0) {
            return null;
        }
        if (current.length == 1) {
            return current[0];
        }
        return current[Math.floorMod(next.getAndIncrement(), current.length)];
    }

    String name() {
        return name;
    }
}
