package io.tributary.api;

/**
 * The four delivery lanes, highest first. A higher lane may overtake a lower one; within one lane,
 * messages with the same (topic, key) keep their publish order.
 */
public enum Priority {
    CRITICAL, HIGH, NORMAL, LOW;

    /** Number of lanes; lane arrays are indexed by {@link #ordinal()}. */
    public static final int COUNT = 4;

    private static final Priority[] BY_ORDINAL = values();

    /** The lane with the given ordinal, without the array copy {@link #values()} makes. */
    public static Priority ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** True when this lane is served before {@code other}. */
    public boolean isHigherThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
