package io.tributary.plugins.glob;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.TributaryPlugin;

/** Provides routing policy {@code glob}. */
public final class GlobRoutingPlugin implements TributaryPlugin {

    @Override
    public String name() {
        return "routing-glob";
    }

    @Override
    public void configure(ComponentBinder binder) {
        binder.policy("glob", GlobPolicyFactory.class);
    }
}
