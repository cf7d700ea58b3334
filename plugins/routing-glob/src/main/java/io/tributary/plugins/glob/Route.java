package io.tributary.plugins.glob;

import io.tributary.api.TopicPattern;
import io.tributary.api.spi.RouteDecision;

/**
 * One line of the route table.
 *
 * @param index    position in the table, 0-based (earlier wins ties)
 * @param pattern  which topics it matches
 * @param decision where they go
 */
record Route(int index, TopicPattern pattern, RouteDecision decision) {

    /**
     * Positive when this route is more specific than {@code other}: more literal segments, then more
     * in-segment globs, then fewer {@code **}, then more segments; a tie goes to the earlier route.
     */
    int compareSpecificity(Route other) {
        int c = Integer.compare(count(TopicPattern.SegmentKind.LITERAL), other.count(TopicPattern.SegmentKind.LITERAL));
        if (c == 0) {
            c = Integer.compare(count(TopicPattern.SegmentKind.GLOB), other.count(TopicPattern.SegmentKind.GLOB));
        }
        if (c == 0) {
            c = Integer.compare(other.count(TopicPattern.SegmentKind.ANY_MANY), count(TopicPattern.SegmentKind.ANY_MANY));
        }
        if (c == 0) {
            c = Integer.compare(pattern.segmentCount(), other.pattern.segmentCount());
        }
        if (c == 0) {
            c = Integer.compare(other.index, index);
        }
        return c;
    }

    private int count(TopicPattern.SegmentKind kind) {
        int n = 0;
        for (int i = 0; i < pattern.segmentCount(); i++) {
            if (pattern.kind(i) == kind) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return pattern + " -> " + decision;
    }
}
