package io.tributary.plugins.replay;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.TributaryPlugin;

/** Provides venue {@code replay}. */
public final class ReplayPlugin implements TributaryPlugin {

    @Override
    public String name() {
        return "venue-replay";
    }

    @Override
    public void configure(ComponentBinder binder) {
        binder.venue("replay", ReplayVenueFactory.class);
    }
}
