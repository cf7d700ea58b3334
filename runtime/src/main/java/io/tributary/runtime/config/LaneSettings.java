package io.tributary.runtime.config;

import io.tributary.api.OverflowPolicy;

import java.time.Duration;

/**
 * One priority lane of the executor.
 *
 * @param capacity ring slots per worker (a power of two)
 * @param overflow what a full lane does
 * @param weight   batches per round among HIGH, NORMAL and LOW; 0 for CRITICAL, which is always served first
 * @param maxWait  longest a message waits before its lane is served even ahead of CRITICAL; null for CRITICAL
 */
public record LaneSettings(int capacity, OverflowPolicy overflow, int weight, Duration maxWait) {
}
