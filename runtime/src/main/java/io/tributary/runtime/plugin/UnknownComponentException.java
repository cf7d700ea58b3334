package io.tributary.runtime.plugin;

import io.tributary.api.spi.ComponentKind;

import java.util.List;
import java.util.SortedSet;

/**
 * A lookup by a name that no loaded plugin provides (or that two provide). The message lists the
 * names that do exist, so a typo is obvious.
 */
public final class UnknownComponentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ComponentKind kind;
    private final String name;
    private final transient SortedSet<String> known;

    UnknownComponentException(ComponentKind kind, String name, SortedSet<String> known, String message) {
        super(message);
        this.kind = kind;
        this.name = name;
        this.known = known;
    }

    public ComponentKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The names of this kind that can be used. */
    public List<String> knownNames() {
        return List.copyOf(known);
    }
}
