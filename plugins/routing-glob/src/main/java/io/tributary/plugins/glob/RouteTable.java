package io.tributary.plugins.glob;

import io.tributary.api.InvalidPatternException;
import io.tributary.api.Priority;
import io.tributary.api.TopicPattern;
import io.tributary.api.spi.RouteDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses route lines:
 * <pre>
 * PATTERN -&gt; LANE DESTINATION[,DESTINATION...]
 * PATTERN -&gt; DROP
 * </pre>
 * e.g. {@code data.quotes.*.BTC* -> CRITICAL arb.btc,log.btc}. {@code =>} works as the arrow too.
 * Errors say which route and what is wrong.
 */
final class RouteTable {

    private RouteTable() {
    }

    static List<Route> parse(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            routes.add(parseRoute(i, lines.get(i)));
        }
        return routes;
    }

    private static Route parseRoute(int index, String line) {
        String text = line.strip();
        int arrow = text.indexOf("->");
        if (arrow < 0) {
            arrow = text.indexOf("=>");
        }
        if (arrow < 0) {
            throw new IllegalArgumentException(where(index, line) + "expected 'PATTERN -> LANE DESTINATION' or 'PATTERN -> DROP'");
        }
        String pattern = text.substring(0, arrow).strip();
        TopicPattern parsed;
        try {
            parsed = TopicPattern.parse(pattern);
        } catch (InvalidPatternException e) {
            throw new IllegalArgumentException(where(index, line) + "invalid pattern '" + pattern + "': " + e.reason()
                    + " at position " + e.position(), e);
        }
        try {
            return new Route(index, parsed, parseDecision(text.substring(arrow + 2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(index, line) + e.getMessage(), e);
        }
    }

    /** {@code LANE DEST[,DEST]} or {@code DROP}. */
    static RouteDecision parseDecision(String text) {
        String[] words = text.strip().split("[\\s,]+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("missing lane and destination after the arrow");
        }
        if (words[0].equalsIgnoreCase("DROP")) {
            if (words.length > 1) {
                throw new IllegalArgumentException("DROP takes no destination");
            }
            return RouteDecision.DROP;
        }
        Priority lane;
        try {
            lane = Priority.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown lane '" + words[0] + "' (lanes: CRITICAL, HIGH, NORMAL, LOW, or DROP)");
        }
        if (words.length == 1) {
            throw new IllegalArgumentException("lane " + lane + " needs at least one destination topic");
        }
        List<String> destinations = Arrays.asList(words).subList(1, words.length);
        try {
            return RouteDecision.to(lane, destinations);
        } catch (InvalidPatternException e) {
            throw new IllegalArgumentException("invalid destination '" + e.input() + "': " + e.reason()
                    + " at position " + e.position(), e);
        }
    }

    private static String where(int index, String line) {
        return "route " + index + " '" + line + "': ";
    }
}
