package io.tributary.bench.serde;

/**
 * The JSON side of {@link SerdeBenchmark}: the same fields as the Avro {@code QuoteTick}, nested
 * the same way, as plain Java records for Jackson.
 */
public record QuoteJson(Instrument instrument, FixedPoint bidPrice, FixedPoint askPrice, FixedPoint bidSize,
                        FixedPoint askSize, long tsEvent, long tsInit) {

    /** Venue and symbol. */
    public record Instrument(String venue, String symbol) {
    }

    /** value = mantissa * 10^-scale, as the Avro Price/Quantity. */
    public record FixedPoint(long mantissa, int scale) {
    }
}
