package io.tributary.plugins.echo;

import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.Priority;
import io.tributary.api.spi.ComponentBinder;
import io.tributary.api.spi.RoutingPolicyFactory;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.SinkFactory;
import io.tributary.api.spi.VenueAdapterFactory;
import io.tributary.plugins.testkit.SyncBus;
import io.tributary.plugins.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EchoSinkTest {

    @Test
    void printsTopicAndPayloadWithThePrefix() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = EchoSinkFactory.out;
        EchoSinkFactory.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            EchoSinkFactory factory = new EchoSinkFactory();
            Sink sink = factory.create(factory.configSpec().validate("sink 'echo'", Map.of("prefix", "> ")),
                    new TestPluginContext(new SyncBus(), "sink 'echo'"));
            sink.write(new Message<>(1, "ui.quotes", null, "hello", Priority.LOW, 0, Headers.EMPTY));
        } finally {
            EchoSinkFactory.out = previous;
        }
        assertEquals("> ui.quotes hello" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pluginBindsTheEchoSink() {
        List<String> bound = new ArrayList<>();
        new EchoPlugin().configure(new ComponentBinder() {
            public ComponentBinder venue(String n, Class<? extends VenueAdapterFactory> f) { bound.add("venue " + n); return this; }
            public ComponentBinder venue(String n, VenueAdapterFactory f) { bound.add("venue " + n); return this; }
            public ComponentBinder policy(String n, Class<? extends RoutingPolicyFactory> f) { bound.add("policy " + n); return this; }
            public ComponentBinder policy(String n, RoutingPolicyFactory f) { bound.add("policy " + n); return this; }
            public ComponentBinder sink(String n, Class<? extends SinkFactory> f) { bound.add("sink " + n + " " + f.getSimpleName()); return this; }
            public ComponentBinder sink(String n, SinkFactory f) { bound.add("sink " + n); return this; }
        });
        assertEquals(List.of("sink echo EchoSinkFactory"), bound);
    }
}
