package io.tributary.runtime.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LiteralChildrenTest {

    private static final SubscriberSet<String> NONE = SubscriberSet.none(new String[0]);

    @Test
    void findsChildrenByRegionOfTheTopic() {
        LiteralChildren<String> table = LiteralChildren.empty();
        TrieNode<String>[] nodes = nodes(200);
        for (int i = 0; i < nodes.length; i++) {
            table = table.with("SYM" + i, nodes[i]);
        }
        assertEquals(200, table.size());
        for (int i = 0; i < nodes.length; i++) {
            String topic = "data.SYM" + i + ".x";
            int to = topic.lastIndexOf('.');
            assertSame(nodes[i], table.get(topic, 5, to, LiteralChildren.hash(topic, 5, to)));
        }
        String topic = "data.SYM200.x";
        assertNull(table.get(topic, 5, 11, LiteralChildren.hash(topic, 5, 11)));
    }

    @Test
    void keepsKeysWithTheSameHashApart() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        TrieNode<String>[] nodes = nodes(2);
        LiteralChildren<String> table = LiteralChildren.<String>empty().with("Aa", nodes[0]).with("BB", nodes[1]);
        assertSame(nodes[0], table.get("Aa"));
        assertSame(nodes[1], table.get("BB"));
        LiteralChildren<String> withoutAa = table.without("Aa");
        assertNull(withoutAa.get("Aa"));
        assertSame(nodes[1], withoutAa.get("BB"));
        assertSame(nodes[0], table.get("Aa"), "the original is unchanged");
    }

    @Test
    void replacesAndRemoves() {
        TrieNode<String>[] nodes = nodes(2);
        LiteralChildren<String> table = LiteralChildren.<String>empty().with("a", nodes[0]).with("a", nodes[1]);
        assertEquals(1, table.size());
        assertSame(nodes[1], table.get("a"));
        assertSame(table, table.without("zz"));
        assertEquals(0, table.without("a").size());
        assertNull(table.without("a").get("a"));
    }

    @Test
    void wideNodesShardAndShrinkBack() {
        int count = 5_000;
        TrieNode<String>[] nodes = nodes(count);
        LiteralChildren<String> table = LiteralChildren.empty();
        for (int i = 0; i < count; i++) {
            table = table.with("SYM" + i, nodes[i]);
        }
        assertTrue(table instanceof ShardedChildren, table.getClass().getSimpleName());
        assertEquals(count, table.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertSame(nodes[i], table.get("SYM" + i));
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        int kept = 10;
        for (int i = 0; i < count - kept; i++) {
            table = table.without("SYM" + order.get(i));
            assertEquals(count - i - 1, table.size());
        }
        assertTrue(table instanceof FlatChildren, table.getClass().getSimpleName());
        for (int i = 0; i < count; i++) {
            boolean present = order.indexOf(i) >= count - kept;
            assertEquals(present ? nodes[i] : null, table.get("SYM" + i), "SYM" + i);
        }
    }

    @Test
    void keysThatAllCollideStillWork() {
        List<String> colliding = new ArrayList<>(List.of(""));
        for (int round = 0; round < 8; round++) {   // 256 strings with one hash: "Aa" and "BB" collide
            List<String> longer = new ArrayList<>();
            for (String prefix : colliding) {
                longer.add(prefix + "Aa");
                longer.add(prefix + "BB");
            }
            colliding = longer;
        }
        TrieNode<String>[] nodes = nodes(colliding.size());
        LiteralChildren<String> table = LiteralChildren.empty();
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(colliding.get(0).hashCode(), colliding.get(i).hashCode());
            table = table.with(colliding.get(i), nodes[i]);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertSame(nodes[i], table.get(colliding.get(i)));
        }
    }

    @Test
    void regionHashIsStringHash() {
        String topic = "données.数据.😀";
        assertEquals("données".hashCode(), LiteralChildren.hash(topic, 0, 7));
        assertEquals("😀".hashCode(), LiteralChildren.hash(topic, 11, 13));
    }

    @SuppressWarnings("unchecked")
    private static TrieNode<String>[] nodes(int count) {
        TrieNode<String>[] nodes = (TrieNode<String>[]) new TrieNode<?>[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = TrieNode.root(NONE);
        }
        return nodes;
    }
}
