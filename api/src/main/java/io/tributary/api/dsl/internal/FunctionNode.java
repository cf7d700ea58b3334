package io.tributary.api.dsl.internal;

import io.tributary.api.dsl.Named;
import io.tributary.api.graph.OperatorType;

import java.util.Objects;

/**
 * A stateless operator around one user function: FILTER ({@code Predicate}), MAP ({@code Function}),
 * FLAT_MAP ({@code Function} to {@code Iterable}), PEEK and FOR_EACH ({@code Consumer}), KEY_BY
 * ({@code Function}).
 */
public final class FunctionNode extends GraphNode {
    private final Object function;

    FunctionNode(int id, OperatorType type, Named named, Object function) {
        super(id, type, named);
        this.function = Objects.requireNonNull(function, type + " function");
    }

    /** The user's function; its interface follows from {@link #type()}. */
    public Object function() {
        return function;
    }

    @Override
    public boolean keysOutput() {
        return type() == OperatorType.KEY_BY || super.keysOutput();
    }
}
