package io.tributary.api.market;

/** Which side of a trade crossed the spread. */
public enum AggressorSide { NO_AGGRESSOR, BUYER, SELLER }
