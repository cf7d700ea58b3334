package io.tributary.plugins.sim;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.TributaryPlugin;

/** Provides venue {@code sim}. */
public final class SimPlugin implements TributaryPlugin {

    @Override
    public String name() {
        return "venue-sim";
    }

    @Override
    public void configure(ComponentBinder binder) {
        binder.venue("sim", SimVenueFactory.class);
    }
}
