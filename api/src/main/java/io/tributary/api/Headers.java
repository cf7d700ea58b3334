package io.tributary.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Small immutable string headers carried by a message. Most messages carry none, so the empty
 * instance is shared and lookups are a linear scan over a flat array (headers are few).
 */
public final class Headers {
    public static final Headers EMPTY = new Headers(new String[0]);

    /** Header names the runtime itself sets. */
    public static final String CORRELATION_ID = "tributary.correlation-id";
    public static final String ERROR_CLASS = "tributary.error.class";
    public static final String ERROR_MESSAGE = "tributary.error.message";
    public static final String FAILED_SUBSCRIBER = "tributary.error.subscriber";

    private final String[] keyValues;

    private Headers(String[] keyValues) {
        this.keyValues = keyValues;
    }

    public static Headers of(String key, String value) {
        return EMPTY.with(key, value);
    }

    /** A copy with {@code key} set to {@code value} (replacing any previous value). */
    public Headers with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i].equals(key)) {
                String[] copy = keyValues.clone();
                copy[i + 1] = value;
                return new Headers(copy);
            }
        }
        String[] copy = Arrays.copyOf(keyValues, keyValues.length + 2);
        copy[keyValues.length] = key;
        copy[keyValues.length + 1] = value;
        return new Headers(copy);
    }

    /** The value, or null when absent. */
    public String get(String key) {
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i].equals(key)) {
                return keyValues[i + 1];
            }
        }
        return null;
    }

    public int size() {
        return keyValues.length / 2;
    }

    public boolean isEmpty() {
        return keyValues.length == 0;
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && asMap().equals(h.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
