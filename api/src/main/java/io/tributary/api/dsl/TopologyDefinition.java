package io.tributary.api.dsl;

import java.util.Locale;

/**
 * A topology as code, found by the command line through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.tributary.api.dsl.TopologyDefinition}) or by class name.
 * Implementations need a public no-argument constructor.
 */
public interface TopologyDefinition {

    /** Builds the topology with {@code t} and returns {@code t.build()}. */
    Topology define(TopologyBuilder t);

    /** The name used on the command line and in descriptions; by default the class name in kebab case ({@code ArbDesk} → {@code arb-desk}). */
    default String name() {
        return kebab(getClass().getSimpleName());
    }

    /** A one-line summary for listings. */
    default String description() {
        return "";
    }

    /** Builds this definition with a fresh builder named {@link #name()}. */
    default Topology build() {
        return define(new TopologyBuilder(name()));
    }

    private static String kebab(String simpleName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (Character.isUpperCase(c) && i > 0
                    && (!Character.isUpperCase(simpleName.charAt(i - 1))
                    || (i + 1 < simpleName.length() && Character.isLowerCase(simpleName.charAt(i + 1))))) {
                b.append('-');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
