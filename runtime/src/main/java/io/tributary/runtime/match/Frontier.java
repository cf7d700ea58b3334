package io.tributary.runtime.match;

import java.util.Arrays;

/**
 * The trie nodes active after a prefix of the topic: a small list without duplicates (a node can
 * be reached along several paths once {@code **} is involved). Linear membership test, since the
 * list rarely holds more than a handful of nodes.
 */
final class Frontier<S> {

    @SuppressWarnings("unchecked")
    private TrieNode<S>[] nodes = (TrieNode<S>[]) new TrieNode<?>[8];
    private int size;

    int size() {
        return size;
    }

    TrieNode<S> get(int index) {
        return nodes[index];
    }

    /** Adds {@code node} and, because {@code **} may match zero segments, its {@code **} chain. */
    void addWithStars(TrieNode<S> node) {
        for (int i = 0; i < size; i++) {
            if (nodes[i] == node) {
                return;
            }
        }
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        nodes[size++] = node;
        if (node.anyMany != null) {
            addWithStars(node.anyMany);
        }
    }

    void clear() {
        size = 0;
    }
}
