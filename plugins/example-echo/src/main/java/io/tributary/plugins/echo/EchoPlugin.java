package io.tributary.plugins.echo;

import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.TributaryPlugin;

/** The example plugin: one sink, {@code echo}. Listed in META-INF/services/io.tributary.api.spi.TributaryPlugin. */
public final class EchoPlugin implements TributaryPlugin {

    @Override
    public String name() {
        return "example-echo";
    }

    @Override
    public void configure(ComponentBinder binder) {
        binder.sink("echo", EchoSinkFactory.class);
    }
}
