package io.tributary.runtime.config;

import io.tributary.api.OverflowPolicy;

import java.time.Duration;

/**
 * One priority lane of the executor.
 *
 * @param capacity slots (a power of two)
 * @param overflow what a full lane does
 * @param weight   share of service among HIGH, NORMAL and LOW
 * @param maxWait  longest a message waits behind higher lanes; zero means no bound
 */
public record LaneSettings(int capacity, OverflowPolicy overflow, int weight, Duration maxWait) {
}
