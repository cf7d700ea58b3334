package io.tributary.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sources of the plugins the loading tests build, and ready-made jars. */
public final class TestPlugins {

    private TestPlugins() {
    }

    static final String SPI_IMPORTS = """
            import io.tributary.api.*;
            import io.tributary.api.spi.*;
            import io.tributary.api.market.*;
            import java.util.*;
            """;

    /** Plugin "alpha": a venue built by Guice with an injected value, a policy instance, a sink. */
    public static Path alpha(Path jar) throws IOException {
        return TestJar.create().version("2.5.0")
                .source("com.alpha.AlphaPlugin", "package com.alpha;\n" + SPI_IMPORTS + """
                        public final class AlphaPlugin implements TributaryPlugin {
                            public String name() { return "alpha"; }
                            public void configure(ComponentBinder b) {
                                b.venue("alpha-venue", AlphaVenueFactory.class)
                                 .policy("alpha-policy", new AlphaPolicyFactory())
                                 .sink("alpha-sink", AlphaSinkFactory.class);
                            }
                            public Object guiceModule() {
                                return new com.google.inject.AbstractModule() {
                                    protected void configure() {
                                        bind(String.class).annotatedWith(com.google.inject.name.Names.named("greeting"))
                                            .toInstance("made by guice");
                                    }
                                };
                            }
                        }
                        """)
                .source("com.alpha.AlphaVenueFactory", "package com.alpha;\n" + SPI_IMPORTS + """
                        public final class AlphaVenueFactory implements VenueAdapterFactory {
                            static final ConfigKey<Integer> COUNT = ConfigKey.ofInt("count").defaultValue(3)
                                .check(c -> c > 0, "must be > 0").description("messages to publish on connect");
                            static final ConfigKey<String> TOPIC = ConfigKey.ofString("topic").defaultValue("alpha.out")
                                .description("where to publish");
                            private final String greeting;
                            @jakarta.inject.Inject
                            public AlphaVenueFactory(@jakarta.inject.Named("greeting") String greeting) { this.greeting = greeting; }
                            public String description() { return greeting; }
                            public ConfigSpec configSpec() { return ConfigSpec.of(COUNT, TOPIC); }
                            public VenueAdapter create(ComponentConfig config, PluginContext ctx) {
                                int count = config.get(COUNT);
                                String topic = config.get(TOPIC);
                                String loader = Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()
                                    ? "plugin-loader" : "other-loader";
                                return new VenueAdapter() {
                                    public Set<Capability> capabilities() { return EnumSet.of(Capability.MARKET_DATA); }
                                    public void connect() {
                                        for (int i = 0; i < count; i++) ctx.bus().publish(topic, loader + ":" + i);
                                    }
                                    public void disconnect() { }
                                };
                            }
                        }
                        """)
                .source("com.alpha.AlphaPolicyFactory", "package com.alpha;\n" + SPI_IMPORTS + """
                        public final class AlphaPolicyFactory implements RoutingPolicyFactory {
                            public String description() {
                                boolean seesHost;
                                try {
                                    Class.forName("io.tributary.runtime.plugin.PluginManager", false, getClass().getClassLoader());
                                    seesHost = true;
                                } catch (ClassNotFoundException e) {
                                    seesHost = false;
                                }
                                return "sees host runtime: " + seesHost;
                            }
                            public RoutingPolicy create(ComponentConfig config, PluginContext ctx) {
                                RouteDecision high = RouteDecision.to(Priority.HIGH, "alpha.routed");
                                return (message, context) -> high;
                            }
                        }
                        """)
                .source("com.alpha.AlphaSinkFactory", "package com.alpha;\n" + SPI_IMPORTS + """
                        public final class AlphaSinkFactory implements SinkFactory {
                            public Sink create(ComponentConfig config, PluginContext ctx) {
                                return message -> ctx.bus().publish("alpha.sunk", message.payload());
                            }
                        }
                        """)
                .service("com.alpha.AlphaPlugin")
                .writeTo(jar);
    }

    /**
     * Plugin "ticker": venue {@code sim} (standing in for venue-sim in the command-line tests) that,
     * once subscribed, publishes numbered strings to each of its {@code topics} about every
     * millisecond on its own thread, until disconnected.
     */
    public static Path ticker(Path jar) throws IOException {
        return TestJar.create()
                .source("com.ticker.P", "package com.ticker;\n" + SPI_IMPORTS + """
                        public final class P implements TributaryPlugin {
                            public String name() { return "ticker"; }
                            public void configure(ComponentBinder b) { b.venue("sim", new F()); }
                        }
                        """)
                .source("com.ticker.F", "package com.ticker;\n" + SPI_IMPORTS + """
                        public final class F implements VenueAdapterFactory {
                            static final ConfigKey<List<String>> TOPICS = ConfigKey.ofStringList("topics")
                                .defaultValue(List.of("data.quotes.T.X", "orders.new.T"));
                            public ConfigSpec configSpec() { return ConfigSpec.of(TOPICS); }
                            public VenueAdapter create(ComponentConfig config, PluginContext ctx) {
                                List<String> topics = config.get(TOPICS);
                                return new VenueAdapter() {
                                    volatile boolean running;
                                    Thread thread;
                                    public Set<Capability> capabilities() { return EnumSet.of(Capability.MARKET_DATA); }
                                    public void connect() { }
                                    public synchronized void subscribe(TopicPattern p) {
                                        if (thread != null) return;
                                        running = true;
                                        thread = ctx.newThread("ticker", () -> {
                                            long n = 0;
                                            while (running) {
                                                for (String t : topics) ctx.bus().publish(t, "tick-" + n);
                                                n++;
                                                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                                            }
                                        });
                                        thread.start();
                                    }
                                    public synchronized void disconnect() {
                                        running = false;
                                        if (thread != null) {
                                            try { thread.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                                            thread = null;
                                        }
                                    }
                                };
                            }
                        }
                        """)
                .service("com.ticker.P")
                .writeTo(jar);
    }

    /** A plugin binding one venue {@code name} whose description is {@code description}. */
    static Path singleVenue(Path jar, String pkg, String plugin, String venue, String descriptionExpression,
                            Path... classpath) throws IOException {
        TestJar builder = TestJar.create()
                .source(pkg + ".P", "package " + pkg + ";\n" + SPI_IMPORTS
                        + "public final class P implements TributaryPlugin {\n"
                        + "  public String name() { return \"" + plugin + "\"; }\n"
                        + "  public void configure(ComponentBinder b) { b.venue(\"" + venue + "\", new F()); }\n"
                        + "}\n")
                .source(pkg + ".F", "package " + pkg + ";\n" + SPI_IMPORTS
                        + "public final class F implements VenueAdapterFactory {\n"
                        + "  public String description() { return " + descriptionExpression + "; }\n"
                        + "  public VenueAdapter create(ComponentConfig c, PluginContext ctx) { throw new UnsupportedOperationException(); }\n"
                        + "}\n")
                .service(pkg + ".P");
        for (Path p : classpath) {
            builder.classpath(p);
        }
        return builder.writeTo(jar);
    }

    /** {@code com.example.lib.Version.get()} returning {@code value}, alone in a jar. */
    static Path versionLibrary(Path jar, String value) throws IOException {
        return TestJar.create()
                .source("com.example.lib.Version", "package com.example.lib;\n"
                        + "public final class Version { public static String get() { return \"" + value + "\"; } }\n")
                .writeTo(jar);
    }

    static Path notAZip(Path jar) throws IOException {
        Files.writeString(jar, "this is not a zip file");
        return jar;
    }
}
