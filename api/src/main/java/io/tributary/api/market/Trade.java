package io.tributary.api.market;

import java.util.Objects;

/**
 * One trade printed by a venue. Price and size are stored flat like in {@link Quote}.
 *
 * @param instrument the instrument
 * @param price      trade price mantissa at {@code priceScale}
 * @param size       traded quantity mantissa at {@code sizeScale}
 * @param priceScale decimal places of the price
 * @param sizeScale  decimal places of the size
 * @param aggressor  which side crossed the spread
 * @param tradeId    the venue's trade id
 * @param tsEvent    when the venue says it happened, ns since the Unix epoch
 * @param tsInit     when Tributary created this object, ns since the Unix epoch
 */
public record Trade(InstrumentId instrument, long price, long size, int priceScale, int sizeScale,
                    AggressorSide aggressor, String tradeId, long tsEvent, long tsInit) {

    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(tradeId, "tradeId");
        Quote.checkScale("priceScale", priceScale);
        Quote.checkScale("sizeScale", sizeScale);
    }

    public Decimal priceDecimal() {
        return new Decimal(price, priceScale);
    }

    public Decimal sizeDecimal() {
        return new Decimal(size, sizeScale);
    }
}
