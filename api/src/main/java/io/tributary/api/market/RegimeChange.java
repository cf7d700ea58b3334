package io.tributary.api.market;

import java.util.Objects;

/**
 * A market switched regime (published by simulators and regime detectors).
 *
 * @param symbol  the symbol whose regime changed (across venues)
 * @param from    previous regime
 * @param to      new regime
 * @param tsEvent when it happened, ns since the Unix epoch
 */
public record RegimeChange(String symbol, MarketRegime from, MarketRegime to, long tsEvent) {
    public RegimeChange {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
