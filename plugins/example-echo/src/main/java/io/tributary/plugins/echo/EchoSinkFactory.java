package io.tributary.plugins.echo;

import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.SinkFactory;

import java.io.PrintStream;

/** Sink {@code echo}: prints {@code <prefix><topic> <payload>} for every message, to stdout or the log. */
public final class EchoSinkFactory implements SinkFactory {

    static final ConfigKey<String> PREFIX = ConfigKey.ofString("prefix").defaultValue("echo: ")
            .description("printed before each message");
    static final ConfigKey<Boolean> TO_LOG = ConfigKey.ofBoolean("log").defaultValue(false)
            .description("write to the component's logger instead of stdout");

    /** Where stdout goes; tests replace it. */
    static volatile PrintStream out = System.out;

    @Override
    public String description() {
        return "prints every message it receives";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(PREFIX, TO_LOG);
    }

    @Override
    public Sink create(ComponentConfig config, PluginContext context) {
        String prefix = config.get(PREFIX);
        if (config.get(TO_LOG)) {
            return message -> context.logger().info("{}{} {}", prefix, message.topic(), message.payload());
        }
        return message -> out.println(prefix + message.topic() + " " + message.payload());
    }
}
