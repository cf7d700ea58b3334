package io.tributary.api.market;

/** A coarse description of how a market is moving. */
public enum MarketRegime { QUIET, TRENDING, MEAN_REVERTING, VOLATILE }
