package io.tributary.api.dsl;

import java.util.Objects;

/**
 * A user-chosen node name. Names appear in {@code describe()}, metrics and error messages; without
 * one a node gets a stable generated name such as {@code FILTER-0000000003}.
 */
public final class Named {
    private final String name;

    private Named(String name) {
        this.name = name;
    }

    /** @throws IllegalArgumentException if {@code name} is blank or contains whitespace */
    public static Named as(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i)) || Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("node name '" + name + "' contains whitespace at position " + i);
            }
        }
        return new Named(name);
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Named n && n.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
