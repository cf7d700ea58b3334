package io.tributary.plugins.paper;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.TributaryPlugin;

/** Provides venue {@code paper}, a simulated execution venue. */
public final class PaperPlugin implements TributaryPlugin {

    @Override
    public String name() {
        return "exec-paper";
    }

    @Override
    public void configure(ComponentBinder binder) {
        binder.venue("paper", PaperVenueFactory.class);
    }
}
