/**
 * Market-data and order payloads as plain immutable Java records: what travels on the in-process
 * bus. Prices and quantities are exact decimals (mantissa and scale), matching the Avro records of
 * the {@code schemas} module, which are used only where a message leaves the process.
 */
package io.tributary.api.market;
