/**
 * Physical plans: a compiled topology as stages (bus subscriptions) running fused operators.
 * {@link io.tributary.runtime.plan.PlanBuilder} is what the compiler assembles plans with.
 */
package io.tributary.runtime.plan;
