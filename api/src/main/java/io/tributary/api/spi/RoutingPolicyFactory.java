package io.tributary.api.spi;

/** Creates {@link RoutingPolicy}s; registered with {@link ComponentBinder#policy}. */
public interface RoutingPolicyFactory extends ComponentFactory<RoutingPolicy> {
}
