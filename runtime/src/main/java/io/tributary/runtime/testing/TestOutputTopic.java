package io.tributary.runtime.testing;

import io.tributary.api.Message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the topology published to one topic (or handed to one sink plugin), in order. Reading
 * consumes: each record is returned once.
 *
 * @param <T> value type
 */
public final class TestOutputTopic<T> {
    private final String name;
    private final Deque<Message<Object>> records;

    TestOutputTopic(String name, Deque<Message<Object>> records) {
        this.name = name;
        this.records = records;
    }

    public String name() {
        return name;
    }

    /** @throws NoSuchElementException when nothing is left to read */
    @SuppressWarnings("unchecked")
    public Message<T> readRecord() {
        Message<Object> record = records.pollFirst();
        if (record == null) {
            throw new NoSuchElementException("no more records in output " + name);
        }
        return (Message<T>) (Message<?>) record;
    }

    /** @throws NoSuchElementException when nothing is left to read */
    public T readValue() {
        return readRecord().payload();
    }

    /** Every value not read yet, oldest first. */
    public List<T> readAll() {
        List<T> values = new ArrayList<>();
        while (!records.isEmpty()) {
            values.add(readValue());
        }
        return values;
    }

    /** Every record not read yet, with key, lane and timestamp. */
    public List<Message<T>> readRecords() {
        List<Message<T>> all = new ArrayList<>();
        while (!records.isEmpty()) {
            all.add(readRecord());
        }
        return all;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public int size() {
        return records.size();
    }

    static Deque<Message<Object>> newQueue() {
        return new ArrayDeque<>();
    }
}
