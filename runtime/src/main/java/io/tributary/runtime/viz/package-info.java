/**
 * The topology visualizer: {@link io.tributary.runtime.viz.VizGraph} is a neutral drawing model
 * built once from a {@link io.tributary.api.graph.TopologyDescription}, and one renderer per
 * {@link io.tributary.runtime.viz.VizFormat} writes it as text, Graphviz DOT, Mermaid, SVG or a
 * standalone HTML page. The SVG is laid out in Java (no Graphviz binary) and uses stable element ids
 * ({@code node-<name>}, {@code rate-node-<name>}, {@code edge-<from>--<to>}) so a live page can
 * update nodes in place.
 */
package io.tributary.runtime.viz;
