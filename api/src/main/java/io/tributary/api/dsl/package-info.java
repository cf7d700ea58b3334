/**
 * The topology DSL: {@link io.tributary.api.dsl.TopologyBuilder} and {@link io.tributary.api.dsl.Stream}
 * build a {@link io.tributary.api.dsl.Topology}; option and reference types ({@code Named},
 * {@code TimeWindows}, {@code Rate}, {@code Route}, {@code Venue}, {@code Policy}, {@code Sinks}) say
 * how. Nothing here runs anything: the runtime compiles a topology into a plan. See docs/dsl.md.
 */
package io.tributary.api.dsl;
