package io.tributary.runtime.transport.avro;

import java.util.Objects;

/**
 * Two enums paired by constant name, looked up by ordinal (built once, no {@code valueOf} per
 * message). A constant of one without a namesake in the other maps to null, and is an error where
 * it is used.
 */
final class EnumPairs<P extends Enum<P>, A extends Enum<A>> {
    private final Class<P> plain;
    private final Object[] toAvro;
    private final Object[] fromAvro;

    private EnumPairs(Class<P> plain, Class<A> avro) {
        this.plain = plain;
        P[] ps = plain.getEnumConstants();
        A[] as = avro.getEnumConstants();
        toAvro = new Object[ps.length];
        fromAvro = new Object[as.length];
        for (P p : ps) {
            for (A a : as) {
                if (p.name().equals(a.name())) {
                    toAvro[p.ordinal()] = a;
                    fromAvro[a.ordinal()] = p;
                }
            }
        }
    }

    static <P extends Enum<P>, A extends Enum<A>> EnumPairs<P, A> byName(Class<P> plain, Class<A> avro) {
        return new EnumPairs<>(plain, avro);
    }

    /** @throws IllegalArgumentException when the schema has no such symbol (a schema change the build missed) */
    @SuppressWarnings("unchecked")
    A toAvro(P value) {
        Objects.requireNonNull(value, plain.getSimpleName());
        A a = (A) toAvro[value.ordinal()];
        if (a == null) {
            throw new IllegalArgumentException(plain.getName() + "." + value.name() + " has no symbol in the Avro schema");
        }
        return a;
    }

    /** @param field {@code Record.field}, for the error */
    @SuppressWarnings("unchecked")
    P fromAvro(A value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is null");
        }
        P p = (P) fromAvro[value.ordinal()];
        if (p == null) {
            throw new IllegalArgumentException(field + " = " + value.name() + " has no " + plain.getName()
                    + " counterpart (UNKNOWN is what a reader sees for a symbol newer than its schema): not delivered");
        }
        return p;
    }
}
