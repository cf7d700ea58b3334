package io.tributary.api.dsl;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The named branches of {@link Stream#split(Named)}. Predicates are tried in the order the branches
 * were added; the first that accepts a message takes it.
 *
 * @param <T> value type
 */
public interface Split<T> {

    /**
     * Adds a branch; its node is named {@code <split name>-<name>}.
     *
     * @throws IllegalArgumentException if a branch already has this name
     * @throws IllegalStateException    after {@link #defaultBranch(String)}
     */
    Split<T> branch(String name, Predicate<? super T> predicate);

    /** Takes every message no other branch took. Closes the split. */
    Split<T> defaultBranch(String name);

    /** @throws IllegalArgumentException naming the existing branches if there is none called {@code name} */
    Stream<T> branch(String name);

    /** The branches by name, in the order they were added. */
    Map<String, Stream<T>> branches();
}
