package io.tributary.api.spi;

/** Where a {@link RoutingPolicy} is being asked; implemented by the runtime, reused across calls. */
public interface RoutingContext {

    /** The name of the topology node doing the routing. */
    String stageName();

    /** Now, in ns since the Unix epoch, from the run's clock. */
    long nowNanos();
}
