package io.tributary.runtime.cli;

import io.tributary.api.MessageBus;

import java.util.Map;

/**
 * The transport around one {@code run}: started before the plan, closed after it, before the bus
 * shuts down. The in-memory transport is the bus itself; others carry part of the topology
 * elsewhere and hand the in-process plan a bus that leaves that part out.
 */
interface TransportSession extends AutoCloseable {

    /** For the header and summary lines, e.g. {@code the in-memory bus} or {@code Kafka at localhost:9092}. */
    String description();

    /** The bus the in-process part of the plan subscribes and publishes on. */
    MessageBus planBus();

    /** The transport's own counters for the summary (bridged, not sent, duplicates, …); may be empty. */
    Map<String, Long> counters();

    /** Appended to each progress line, e.g. {@code  | redis sent 1.2k/s recv 1.2k/s buffered 0}; may be empty. */
    default String progress() {
        return "";
    }

    /** What stopped the transport while the run went on, or null; {@code run} stops on it and exits 1. */
    default Throwable failure() {
        return null;
    }

    /** Stops what the session started; the bus stays up. */
    @Override
    void close();
}
