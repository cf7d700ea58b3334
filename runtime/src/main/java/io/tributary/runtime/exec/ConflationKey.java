package io.tributary.runtime.exec;

import java.util.Objects;

/** (target, topic, key) for conflation; targets compare by identity, topic and key by equals. */
final class ConflationKey {
    final DeliveryTarget target;
    final String topic;
    final Object key;
    private final int hash;

    ConflationKey(DeliveryTarget target, String topic, Object key) {
        this.target = target;
        this.topic = topic;
        this.key = key;
        this.hash = (System.identityHashCode(target) * 31 + topic.hashCode()) * 31 + Objects.hashCode(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConflationKey k && k.target == target && k.topic.equals(topic) && Objects.equals(k.key, key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "(" + target.name() + ", " + topic + ", " + key + ")";
    }
}
