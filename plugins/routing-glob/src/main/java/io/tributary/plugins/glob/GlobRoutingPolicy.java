package io.tributary.plugins.glob;

import io.tributary.api.Envelope;
import io.tributary.api.spi.RouteDecision;
import io.tributary.api.spi.RoutingContext;
import io.tributary.api.spi.RoutingPolicy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes by topic: the decision of the first (or the most specific) matching route, else the
 * default. A topic is matched through the trie once; after that its decision comes from a bounded
 * cache (emptied when full), so the steady state is one hash lookup per message and no allocation.
 */
final class GlobRoutingPolicy implements RoutingPolicy {

    /** Which matching route wins. */
    enum Mode { FIRST_MATCH, MOST_SPECIFIC }

    private final RouteTrie trie;
    private final RouteTrie.Chooser chooser;
    private final RouteDecision fallback;
    private final int cacheSize;
    private final Map<String, RouteDecision> cache = new ConcurrentHashMap<>();

    GlobRoutingPolicy(List<Route> routes, Mode mode, RouteDecision fallback, int cacheSize) {
        this.trie = new RouteTrie(routes);
        this.chooser = mode == Mode.FIRST_MATCH
                ? (current, candidate) -> current == null || candidate.index() < current.index() ? candidate : current
                : (current, candidate) -> current == null || candidate.compareSpecificity(current) > 0 ? candidate : current;
        this.fallback = fallback;
        this.cacheSize = cacheSize;
    }

    @Override
    public RouteDecision route(Envelope<?> message, RoutingContext context) {
        return decide(message.topic());
    }

    RouteDecision decide(String topic) {
        RouteDecision cached = cache.get(topic);
        if (cached != null) {
            return cached;
        }
        Route route = trie.match(topic, chooser);
        RouteDecision decision = route == null ? fallback : route.decision();
        if (cacheSize > 0) {
            if (cache.size() >= cacheSize) {
                cache.clear();
            }
            cache.put(topic, decision);
        }
        return decision;
    }

    int cachedTopics() {
        return cache.size();
    }
}
