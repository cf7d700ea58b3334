package io.tributary.runtime.match;

/**
 * A subscriber with its rank: the order in which it was first added to the matcher. One instance
 * per registered subscriber, shared by every pattern it holds, so results can be sorted by rank
 * and de-duplicated by identity.
 */
record Ranked<S>(S subscriber, long rank) {
}
