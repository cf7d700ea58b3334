package io.tributary.topologies.model;

/** Buy or sell; for trades, the aggressor's side. */
public enum Side { BUY, SELL }
