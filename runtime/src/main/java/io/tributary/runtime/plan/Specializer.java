package io.tributary.runtime.plan;

import java.io.IOException;
import java.io.InputStream;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates each stateless operator of a plan as its own hidden class whose function and successor
 * are {@code static final} fields read from the class data.
 *
 * <p>Why: the JIT treats static finals as constants. From a stage's entry on, every call then has a
 * known receiver: {@code NEXT.process(…)} and {@code PREDICATE.test(…)} compile to direct, inlined
 * calls without the field loads and type checks a shared {@code Filter} class with instance fields
 * would need (and whose call sites would turn megamorphic as soon as a process runs several
 * plans). A fused chain compiles into one body, like a hand-written loop ({@code
 * FusedChainBenchmark}). Reflection and class definition happen once per node at build time, never
 * per message.
 *
 * <p>The template classes ({@link StatelessProcessors}, {@link SinkProcessors}, the stage handlers)
 * are never initialized themselves: their static initializers read the class data only a hidden
 * copy has.
 */
final class Specializer {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final ConcurrentHashMap<Class<?>, byte[]> BYTECODE = new ConcurrentHashMap<>();

    private Specializer() {
    }

    /**
     * @param template a class of this package with a no-argument constructor whose static
     *                 initializer reads {@code data} through {@link #data}
     * @param data     the values of its static finals, in the order the template reads them
     */
    static <T> T create(Class<?> template, Class<T> as, Object... data) {
        try {
            MethodHandles.Lookup copy = LOOKUP.defineHiddenClassWithClassData(bytecode(template), List.of(data), true);
            return as.cast(copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create an operator from " + template.getName(), e);
        }
    }

    /** For the templates' static initializers: element {@code index} of this hidden class's data. */
    static <T> T data(MethodHandles.Lookup self, int index, Class<T> type) {
        try {
            return MethodHandles.classDataAt(self, ConstantDescs.DEFAULT_NAME, type, index);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(self.lookupClass() + " is a template: create it through Specializer", e);
        }
    }

    private static byte[] bytecode(Class<?> template) {
        return BYTECODE.computeIfAbsent(template, type -> {
            String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
            try (InputStream in = type.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no bytecode for " + type.getName());
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bytecode of " + type.getName(), e);
            }
        });
    }
}
