package io.tributary.runtime.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
