package io.tributary.plugins.glob;

import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingPolicy;
import io.tributary.api.spi.RoutingPolicyFactory;

import java.util.List;

/** Routing policy {@code glob}: a table of topic patterns to lane and destinations. */
public final class GlobPolicyFactory implements RoutingPolicyFactory {

    static final ConfigKey<List<String>> ROUTES = ConfigKey.ofStringList("routes").required()
            .check(l -> !l.isEmpty(), "needs at least one route")
            .description("'PATTERN -> LANE DEST[,DEST]' or 'PATTERN -> DROP', in order");
    static final ConfigKey<GlobRoutingPolicy.Mode> MODE = ConfigKey.ofEnum("mode", GlobRoutingPolicy.Mode.class)
            .defaultValue(GlobRoutingPolicy.Mode.FIRST_MATCH).description("which matching route wins");
    static final ConfigKey<String> DEFAULT = ConfigKey.ofString("default").defaultValue("DROP")
            .description("'LANE DEST[,DEST]' or DROP, for topics no route matches");
    static final ConfigKey<Integer> CACHE_SIZE = ConfigKey.ofInt("cacheSize").defaultValue(4096)
            .check(v -> v >= 0, "must be >= 0").description("topics whose decision is cached; 0 = no cache");

    @Override
    public String description() {
        return "routes by topic pattern (first-match or most-specific-match) through a trie with a topic cache";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(ROUTES, MODE, DEFAULT, CACHE_SIZE);
    }

    @Override
    public RoutingPolicy create(ComponentConfig config, PluginContext context) {
        List<Route> routes;
        try {
            routes = RouteTable.parse(config.get(ROUTES));
        } catch (IllegalArgumentException e) {
            throw config.problem(ROUTES, e.getMessage());
        }
        RouteDecision fallback;
        try {
            fallback = RouteTable.parseDecision(config.get(DEFAULT));
        } catch (IllegalArgumentException e) {
            throw config.problem(DEFAULT, e.getMessage());
        }
        return new GlobRoutingPolicy(routes, config.get(MODE), fallback, config.get(CACHE_SIZE));
    }
}
