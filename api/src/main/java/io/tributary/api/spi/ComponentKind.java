package io.tributary.api.spi;

import java.util.Locale;

/** The kinds of named components a plugin can contribute. */
public enum ComponentKind {
    /** A market-data source and/or execution venue: {@link VenueAdapterFactory}. */
    VENUE(VenueAdapterFactory.class),
    /** A routing policy: {@link RoutingPolicyFactory}. */
    POLICY(RoutingPolicyFactory.class),
    /** A sink: {@link SinkFactory}. */
    SINK(SinkFactory.class);

    private final Class<? extends ComponentFactory<?>> factoryType;

    ComponentKind(Class<? extends ComponentFactory<?>> factoryType) {
        this.factoryType = factoryType;
    }

    /** The factory interface components of this kind implement. */
    public Class<? extends ComponentFactory<?>> factoryType() {
        return factoryType;
    }

    /** Lower-case label for messages, e.g. {@code venue}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code venue 'sim'}: how errors name a component. */
    public String describe(String name) {
        return label() + " '" + name + "'";
    }
}
