/**
 * The logical graph behind the DSL: one small node class per operator, holding the user's
 * functions. Public only so that the runtime's compiler can read it; not a stable API for users,
 * who see {@link io.tributary.api.dsl.Stream} and {@link io.tributary.api.graph.TopologyDescription}.
 */
package io.tributary.api.dsl.internal;
